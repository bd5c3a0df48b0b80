import { Low } from 'lowdb';
import { describe, expect, it } from 'vitest';
import { chunksOf } from './line-blocks.ts';
import { decodeSnapshot, encodeSnapshot, type SnapshotData, snapshotAdapter } from './snapshot-format.ts';

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `m${i}`, text: `¿Dónde está mi pedido nº ${i}? 📦` }));
const collections: [string, unknown[]][] = [
  ['empty', []],
  ['messages', rows(2_000)],
  ['users', [{ id: 'u1', name: 'Ana', bio: 'x'.repeat(200_000) }]],
];
const snapshot = (): SnapshotData => ({
  format: 2,
  seq: 42,
  generation: 7,
  versions: { messages: 2 },
  schemas: { messages: 'abc' },
  // Slices of 100 rows, as the store gives them.
  slices: collections.flatMap(([name, all]) =>
    Array.from({ length: Math.ceil(all.length / 100) }, (_, i) => [name, all.slice(i * 100, i * 100 + 100)] as const),
  ),
});

async function encoded(chunkBytes?: number): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of encodeSnapshot(snapshot(), chunkBytes)) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts).toString();
}

async function decoded(text: string, readBytes = 64 * 1024) {
  const data = await decodeSnapshot('snapshot.json', chunksOf(text, readBytes));
  const read: Record<string, unknown[]> = {};
  for await (const [name, slice] of data.slices) read[name] = [...(read[name] ?? []), ...slice];
  return { data, read };
}

describe('snapshot format', () => {
  it.each([
    [64 * 1024, 64 * 1024],
    [100, 7],
    [1 << 20, 1],
  ])(
    'round-trips rows, header and unicode (written in chunks of %i bytes, read in %i)',
    async (write, read) => {
      const text = await encoded(write);
      // Still one JSON document (any JSON tool can read it), one row per line.
      const parsed = JSON.parse(text) as { seq: number; collections: Record<string, unknown[]> };
      expect(parsed.seq).toBe(42);
      expect(parsed.collections.messages).toEqual(rows(2_000));
      expect(text.split('\n').length).toBe(2_000 + 7);
      const result = await decoded(text, read);
      expect(result.data).toMatchObject({
        format: 2,
        seq: 42,
        generation: 7,
        versions: { messages: 2 },
        schemas: { messages: 'abc' },
      });
      expect(result.read).toEqual({ messages: rows(2_000), users: collections[2]?.[1] });
    },
    20_000,
  );

  it('never builds the whole text: chunks of at most the chunk size, but for a row larger than one', async () => {
    const sizes: number[] = [];
    for await (const chunk of encodeSnapshot(snapshot(), 4_096)) sizes.push(chunk.length);
    expect(sizes.length).toBeGreaterThan(20);
    expect(sizes.filter((size) => size > 4_096)).toHaveLength(1);
  });

  it('writes and reads an empty snapshot', async () => {
    const empty: SnapshotData = { format: 2, seq: 0, generation: 1, versions: {}, schemas: {}, slices: [] };
    const parts: Buffer[] = [];
    for await (const chunk of encodeSnapshot(empty)) parts.push(Buffer.from(chunk));
    const { data, read } = await decoded(Buffer.concat(parts).toString());
    expect(data.seq).toBe(0);
    expect(read).toEqual({});
  });

  it.each([
    [
      'a changed value that is still valid JSON',
      (text: string) => text.replace('pedido nº 1500?', 'pedido nº 1501?'),
      /checksum does not match/,
    ],
    ['a file cut short', (text: string) => text.slice(0, text.length / 2), /before its checksum/],
    ['a row cut in two', (text: string) => text.replace('"id":"m7",', '"id":"m7",\n'), /line 10/],
    ['text after the checksum', (text: string) => `${text}\n`, /line 2007 is out of place/],
    ['a header that is not one', (text: string) => text.replace('{"format":2', '{"formats":2'), /not a Loro snapshot/],
  ])('stops on %s, naming the file and what is wrong', async (_, damage, reason) => {
    const text = damage(await encoded());
    const error = await decoded(text).catch((e: unknown) => e as Error);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^snapshot\.json is damaged/);
    expect((error as Error).message).toMatch(reason);
  });

  it('reads the single-line format of the first journal store (no checksum, no generation)', async () => {
    const old = JSON.stringify({ format: 1, seq: 9, versions: {}, collections: { messages: rows(3), empty: [] } });
    const { data, read } = await decoded(old, 5);
    expect(data).toMatchObject({ format: 1, seq: 9, generation: 0, schemas: {} });
    expect(read).toEqual({ messages: rows(3), empty: [] });
  });

  it('is written and read back through lowdb', async () => {
    const files = new Map<string, string>();
    const adapter = snapshotAdapter({
      async readSnapshot() {
        const text = files.get('snapshot.json');
        return text === undefined
          ? undefined
          : { file: 'snapshot.json', bytes: text.length, chunks: chunksOf(text, 3) };
      },
      async writeSnapshot(chunks) {
        const parts: Buffer[] = [];
        for await (const chunk of chunks) parts.push(Buffer.from(chunk));
        files.set('snapshot.json', Buffer.concat(parts).toString());
      },
    });
    const db = new Low<SnapshotData>(adapter, snapshot());
    await db.write();
    await db.read();
    const read: unknown[] = [];
    for await (const [name, slice] of db.data.slices) if (name === 'messages') read.push(...slice);
    expect(read).toEqual(rows(2_000));
  });
});
