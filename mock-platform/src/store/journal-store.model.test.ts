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
type Step = { kind: 'commit'; commit: Commit } | { kind: 'compact' } | { kind: 'crash'; tear: number };

const id = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const commit = fc.record({
  puts: fc.array(fc.tuple(id, fc.integer({ min: 0, max: 99 })), { minLength: 1, maxLength: 3 }),
  deletes: fc.array(id, { maxLength: 2 }),
});
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: commit.map((c) => ({ kind: 'commit' as const, commit: c })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'compact' as const }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 60 }).map((tear) => ({ kind: 'crash' as const, tear })) },
);

const applyTo = (state: Map<string, number>, c: Commit) => {
  for (const [key, n] of c.puts) state.set(key, n);
  for (const key of c.deletes) state.delete(key);
};
const opsOf = (c: Commit) => [
  ...c.puts.map(([key, n]) => put('rows', { id: key, n })),
  ...c.deletes.map((key) => remove('rows', key)),
];

/**
 * Memory files whose appends, once `crashing` is set, write only part of their text and never
 * finish: a process killed in the middle of a write.
 */
function crashable(disk: Map<string, string>) {
  const inner = memoryJournal(disk);
  const control = { crashing: false, tear: 0 };
  const files: JournalFiles = {
    ...inner,
    async append(generation, text) {
      if (!control.crashing) return inner.append(generation, text);
      await inner.append(generation, text.slice(0, Math.max(0, text.length - 1 - control.tear)));
      return new Promise<void>(() => undefined);
    },
  };
  return { files, control };
}

describe('JournalStore against a model (fast-check)', () => {
  it('after random commits, compactions, crashes with torn writes and reopenings, holds exactly a prefix of the commits that includes every acknowledged one', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        let disk = new Map<string, string>();
        let { files, control } = crashable(disk);
        let store = await JournalStore.open<Schema>({ files, compactAfterBytes: 300 });
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
          } else {
            // Crash: the next append is cut short and never finishes; the process is gone.
            control.crashing = true;
            control.tear = s.tear;
            await new Promise((resolve) => setImmediate(resolve));
            disk = new Map(disk);
            ({ files, control } = crashable(disk));
            store = await JournalStore.open<Schema>({ files, compactAfterBytes: 300 });
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
