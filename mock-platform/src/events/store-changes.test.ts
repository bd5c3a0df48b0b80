import { describe, expect, it } from 'vitest';
import { memoryJournal } from '../store/journal-files.ts';
import { JournalStore } from '../store/journal-store.ts';
import { writeOps } from '../store/store.ts';
import { observedStore, StoreChanges } from './store-changes.ts';

type Schema = { rows: { id: string; n: number } };
const { put } = writeOps<Schema>();

describe('observedStore', () => {
  it('tells listeners of a commit once it is durable, not when it is applied', async () => {
    const files = memoryJournal();
    let release = () => {};
    const slow = {
      ...files,
      // The disk write finishes only when the test says so.
      append: (generation: number, text: string) =>
        new Promise<void>((resolve) => {
          release = () => void files.append(generation, text).then(resolve);
        }),
    };
    const changes = new StoreChanges();
    let heard = 0;
    changes.subscribe(() => heard++);
    const store = observedStore<Schema>(await JournalStore.open<Schema>({ files: slow }), changes);

    const commit = store.commit([put('rows', { id: 'a', n: 1 })]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(store.get('rows', 'a')).toEqual({ id: 'a', n: 1 });
    expect(heard).toBe(0);
    release();
    await commit;
    expect(heard).toBe(1);
  });

  it('tells nothing of a commit whose write failed', async () => {
    const files = memoryJournal();
    const failing = { ...files, append: async () => Promise.reject(new Error('EIO')) };
    const changes = new StoreChanges();
    let heard = 0;
    changes.subscribe(() => heard++);
    const store = observedStore<Schema>(await JournalStore.open<Schema>({ files: failing }), changes);
    await expect(store.commit([put('rows', { id: 'a', n: 1 })])).rejects.toThrow();
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toBe(0);
  });
});
