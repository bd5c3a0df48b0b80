import { describe, expect, it } from 'vitest';
import type { SnapshotData } from './journal-files.ts';
import { snapshotChunks, snapshotText } from './snapshot-chunks.ts';

const snapshot = (rows: number): SnapshotData => ({
  format: 1,
  seq: 42,
  versions: { messages: 2 },
  collections: {
    empty: [],
    messages: Array.from({ length: rows }, (_, i) => ({ id: `m${i}`, text: `¿Dónde está mi pedido nº ${i}?` })),
    users: [{ id: 'u1', name: 'Ana' }],
  },
});

describe('snapshotChunks', () => {
  it.each([0, 1, 20_000])('writes the same JSON as JSON.stringify, %i rows', async (rows) => {
    const data = snapshot(rows);
    expect(JSON.parse(await snapshotText(snapshotChunks(data)))).toEqual(data);
  });

  it('never builds the whole text at once: a large snapshot comes in chunks of about 64 K characters', async () => {
    const lengths: number[] = [];
    for await (const chunk of snapshotChunks(snapshot(20_000))) lengths.push(chunk.length);
    expect(lengths.length).toBeGreaterThan(3);
    expect(Math.max(...lengths)).toBeLessThan(64 * 1024 + 200);
  });
});
