import { describe, expect, it } from 'vitest';
import { chunksOf, lineBlocks } from './line-blocks.ts';

const withLine = (long: number) => `first line\n¿Dónde está mi pedido? 📦\n\n${'x'.repeat(long)}\nlast, not ended`;
const text = withLine(300);

async function collect(size: number, from = text) {
  const blocks = [];
  for await (const block of lineBlocks(chunksOf(from, size))) {
    blocks.push({ ...block, bytes: Buffer.from(block.bytes) });
  }
  return blocks;
}

describe('lineBlocks', () => {
  it.each([1, 2, 3, 7, 64, 65_536, 1_000_000])(
    'gives the same whole lines, bytes and offsets however the file is cut (chunks of %i bytes)',
    async (size) => {
      const blocks = await collect(size);
      expect(blocks.map((block) => block.text).join('')).toBe(text);
      const tail = blocks.at(-1);
      expect(tail).toMatchObject({ text: 'last, not ended', complete: false });
      for (const block of blocks) {
        expect(block.bytes.toString('utf8')).toBe(block.text);
        expect(
          Buffer.from(text)
            .subarray(block.start, block.start + block.bytes.length)
            .toString(),
        ).toBe(block.text);
        if (block.complete) expect(block.text.endsWith('\n')).toBe(true);
      }
    },
  );

  it('cuts long runs of lines into blocks of about 64 KiB, a longer line being a block of its own', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => `line ${i} ${'y'.repeat(40)}\n`).join('');
    const sizes = [];
    for await (const block of lineBlocks(chunksOf(many, 1 << 20))) sizes.push(block.bytes.length);
    expect(sizes.length).toBeGreaterThan(3);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
    const long = (await collect(1 << 20, withLine(70_000))).find((block) => block.text.startsWith('xxx'));
    expect(long?.text).toHaveLength(70_001);
  });

  it('gives nothing for an empty file, and no tail for a file that ends with a newline', async () => {
    const none = [];
    for await (const block of lineBlocks(chunksOf(''))) none.push(block);
    expect(none).toEqual([]);
    const ended = [];
    for await (const block of lineBlocks(chunksOf('a\nb\n', 1))) ended.push(block.complete);
    expect(ended.every(Boolean)).toBe(true);
  });
});
