import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type JournalFiles, memoryJournal } from './journal-files.ts';
import { JournalStore } from './journal-store.ts';
import { writeOps } from './store.ts';

type Row = { id: string; n: number };
type Schema = { rows: Row };
const { put, remove } = writeOps<Schema>();

/** One commit of the random sequence: rows put (with a value) and ids deleted, all in one batch. */
type Commit = { puts: [string, number][]; deletes: string[] };
type Step =
  | { kind: 'commit'; commit: Commit }
  | { kind: 'compact' }
  | { kind: 'compact-start' }
  | { kind: 'tick' }
  | { kind: 'crash'; tear: number; ticks: number };

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const commit = fc.record({
  puts: fc.array(fc.tuple(id, fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 3 }),
  deletes: fc.array(id, { maxLength: 2 }),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: commit.map((c) => ({ kind: 'commit' as const, commit: c })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
  // A compaction left running while the next steps commit, tick and crash.
  { weight: 1, arbitrary: fc.constant({ kind: 'compact-start' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'tick' as const }) },
  {
    weight: 1,
    arbitrary: fc
      .record({ tear: fc.integer({ min: 0, max: 60 }), ticks: fc.integer({ min: 1, max: 30 }) })
      .map(({ tear, ticks }) => ({ kind: 'crash' as const, tear, ticks })),
  },
);

const applyTo = (state: Map<string, number>, c: Commit) => {
  for (const [key, n] of c.puts) state.set(key, n);
  for (const key of c.deletes) state.delete(key);
};
const opsOf = (c: Commit) => [
  ...c.puts.map(([key, n]) => put('rows', { id: key, n })),
  ...c.deletes.map((key) => remove('rows', key)),
];

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Memory files whose appends, once `crashing` is set, write only part of their text and never
 * finish: a process killed in the middle of a write. Files are read 7 bytes at a time (lines cut
 * at every place), and a snapshot is written one tiny chunk per turn of the event loop, so
 * commits land between its rows as they do between a large snapshot's chunks.
 */
function crashable(disk: Map<string, string>) {
  const inner = memoryJournal(disk, 7);
  const control = { crashing: false, tear: 0 };
  const files: JournalFiles = {
    ...inner,
    async append(generation, text) {
      if (!control.crashing) return inner.append(generation, text);
      await inner.append(generation, text.slice(0, Math.max(0, text.length - 1 - control.tear)));
      return new Promise<void>(() => undefined);
    },
    writeSnapshot(chunks) {
      return inner.writeSnapshot(
        (async function* () {
          for await (const chunk of chunks) {
            yield chunk;
            await tick();
          }
        })(),
      );
    },
  };
  return { files, control };
}

/** About one row per chunk, so a compaction takes many turns of the event loop. */
const options = { compactAfterBytes: 300, snapshotChunkBytes: 48 };

describe('JournalStore against a model (fast-check)', () => {
  it('after random commits (also while a compaction is being written), compactions, crashes with torn writes and reopenings, holds exactly a prefix of the commits that includes every acknowledged one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        let disk = new Map<string, string>();
        let { files, control } = crashable(disk);
        let store = await JournalStore.open<Schema>({ files, ...options });
        /** Every commit ever made, in order, and how many of them were acknowledged. */
        const history: Commit[] = [];
        let acknowledged = 0;

        const check = (reopened: JournalStore<Schema>) => {
          const found = new Map(reopened.all('rows').map((row) => [row.id, row.n]));
          // The store holds the state after some prefix of the history, at least the acknowledged part.
          const candidates: Map<string, number>[] = [];
          const state = new Map<string, number>();
          for (let i = 0; i <= history.length; i++) {
            if (i >= acknowledged) candidates.push(new Map(state));
            const next = history[i];
            if (next) applyTo(state, next);
          }
          const same = (a: Map<string, number>, b: Map<string, number>) =>
            a.size === b.size && [...a].every(([key, n]) => b.get(key) === n);
          expect(candidates.some((candidate) => same(candidate, found))).toBe(true);
          // Whatever was recovered becomes the history from here on.
          const length = candidates.findIndex((candidate) => same(candidate, found)) + acknowledged;
          history.length = length;
          acknowledged = length;
        };

        for (const s of steps) {
          if (s.kind === 'commit') {
            history.push(s.commit);
            store.commit(opsOf(s.commit)).then(
              () => {
                acknowledged = Math.max(acknowledged, history.indexOf(s.commit) + 1);
              },
              () => undefined,
            );
          } else if (s.kind === 'compact') {
            await store.sync();
            await store.compact();
          } else if (s.kind === 'compact-start') {
            void store.compact();
          } else if (s.kind === 'tick') {
            await tick();
          } else {
            // Crash: the next append is cut short and never finishes; the process dies a little later.
            control.crashing = true;
            control.tear = s.tear;
            // The stuck write does not stop the process at once: a compaction goes on meanwhile.
            for (let i = 0; i < s.ticks; i++) await tick();
            disk = new Map(disk);
            ({ files, control } = crashable(disk));
            store = await JournalStore.open<Schema>({ files, ...options });
            check(store);
          }
        }
        await store.sync();
        await store.close();
        const reopened = await JournalStore.open<Schema>({ files: memoryJournal(disk) });
        check(reopened);
        expect(acknowledged).toBe(history.length);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });
});
