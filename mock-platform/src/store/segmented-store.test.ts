import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { directorySegments, memorySegments, type SegmentStorage } from './segment-storage.ts';
import { InvalidRowError, SegmentedStore, StoreFailedError } from './segmented-store.ts';
import { writeOps } from './store.ts';

const messageSchema = z.object({ id: z.string(), conversationId: z.string(), text: z.string() });
type Schema = { messages: z.infer<typeof messageSchema> };
const { put, remove } = writeOps<Schema>();

function openStore(storage: SegmentStorage, limits: { maxOpsPerSegment?: number; maxBytesPerSegment?: number } = {}) {
  return SegmentedStore.open<Schema>({
    storage,
    indexes: { messages: ['conversationId'] },
    schemas: { messages: messageSchema },
    ...limits,
  });
}

const message = (id: string, conversationId = 'c1', text = `text ${id}`) => ({ id, conversationId, text });

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'loro-store-'));
}

/** Storage that counts writes and can be told to fail them. */
function instrumented(inner: SegmentStorage) {
  const stats = { writes: 0, failNext: false };
  const storage: SegmentStorage = {
    list: () => inner.list(),
    adapter(name, serialize) {
      const adapter = inner.adapter(name, serialize);
      return {
        read: () => adapter.read(),
        async write(data) {
          if (stats.failNext) {
            stats.failNext = false;
            throw new Error('ENOSPC: no space left on device');
          }
          stats.writes++;
          await adapter.write(data);
        },
      };
    },
  };
  return { storage, stats };
}

describe('SegmentedStore', () => {
  it('stores, indexes, replaces and deletes rows', async () => {
    const store = await openStore(memorySegments());
    await store.commit([put('messages', message('m1')), put('messages', message('m2', 'c2'))]);
    expect(store.get('messages', 'm1')?.text).toBe('text m1');
    expect(store.where('messages', 'conversationId', 'c1').map((row) => row.id)).toEqual(['m1']);

    await store.commit([put('messages', message('m1', 'c2', 'edited'))]);
    expect(store.where('messages', 'conversationId', 'c1')).toEqual([]);
    expect(
      store
        .where('messages', 'conversationId', 'c2')
        .map((row) => row.id)
        .sort(),
    ).toEqual(['m1', 'm2']);

    await store.commit([remove('messages', 'm2')]);
    expect(store.get('messages', 'm2')).toBeUndefined();
    expect(store.count('messages')).toBe(1);
  });

  it('keeps rows in first-stored order in an index when an update leaves the indexed value alone', async () => {
    const store = await openStore(memorySegments());
    await store.commit([
      put('messages', message('m1')),
      put('messages', message('m2')),
      put('messages', message('m3')),
    ]);
    await store.commit([put('messages', message('m1', 'c1', 'edited'))]);
    expect(store.where('messages', 'conversationId', 'c1').map((row) => row.id)).toEqual(['m1', 'm2', 'm3']);
  });

  it('reloads everything after a restart, the last write of an id winning', async () => {
    const dir = await tempDir();
    const first = await openStore(directorySegments(dir), { maxOpsPerSegment: 3 });
    for (let i = 0; i < 10; i++) await first.commit([put('messages', message(`m${i}`))]);
    await first.commit([put('messages', message('m0', 'c1', 'final')), remove('messages', 'm9')]);
    await first.close();
    expect((await readdir(dir)).length).toBeGreaterThan(3);

    const second = await openStore(directorySegments(dir), { maxOpsPerSegment: 3 });
    expect(second.count('messages')).toBe(9);
    expect(second.get('messages', 'm0')?.text).toBe('final');
    expect(second.get('messages', 'm9')).toBeUndefined();
    expect(second.where('messages', 'conversationId', 'c1')).toHaveLength(9);
    await second.commit([put('messages', message('after-restart'))]);
    await second.close();
    const third = await openStore(directorySegments(dir), { maxOpsPerSegment: 3 });
    expect(third.get('messages', 'after-restart')).toBeDefined();
  });

  it('loses no concurrent write and groups them into few disk writes', async () => {
    const dir = await tempDir();
    const { storage, stats } = instrumented(directorySegments(dir));
    const store = await openStore(storage);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.commit([put('messages', message(`m${i}`))])));
    expect(store.count('messages')).toBe(200);
    expect(stats.writes).toBeLessThan(200);
    await store.close();
    const reopened = await openStore(directorySegments(dir));
    expect(reopened.count('messages')).toBe(200);
  });

  it('keeps each segment bounded so one write never rewrites the whole history', async () => {
    const dir = await tempDir();
    const maxBytesPerSegment = 4 * 1024;
    const store = await openStore(directorySegments(dir), { maxBytesPerSegment });
    for (let i = 0; i < 300; i++) await store.commit([put('messages', message(`m${i}`, 'c1', 'x'.repeat(40)))]);
    const names = await readdir(dir);
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      expect((await stat(join(dir, name))).size).toBeLessThanOrEqual(maxBytesPerSegment + 200);
    }
  });

  it('fails stop on a write error: that commit and every later one reject, and the disk keeps what was durable', async () => {
    const dir = await tempDir();
    const { storage, stats } = instrumented(directorySegments(dir));
    const store = await openStore(storage);
    await store.commit([put('messages', message('kept'))]);
    stats.failNext = true;
    await expect(store.commit([put('messages', message('lost'))])).rejects.toThrow(/could not write to disk.*ENOSPC/);
    await expect(store.commit([put('messages', message('later'))])).rejects.toBeInstanceOf(StoreFailedError);
    await expect(store.sync()).rejects.toBeInstanceOf(StoreFailedError);
    expect(store.failed).toBeInstanceOf(StoreFailedError);
    const reopened = await openStore(directorySegments(dir));
    expect(reopened.all('messages').map((row) => row.id)).toEqual(['kept']);
  });

  it('shows a commit to readers at once and resolves it, and sync(), only when durable', async () => {
    const dir = await tempDir();
    const { storage, stats } = instrumented(directorySegments(dir));
    const store = await openStore(storage);
    const durable = store.commit([put('messages', message('m1'))]);
    expect(store.get('messages', 'm1')).toBeDefined();
    expect(stats.writes).toBe(0);
    await store.sync();
    expect(stats.writes).toBe(1);
    await durable;
    await store.sync(); // nothing pending: resolves at once
    expect(stats.writes).toBe(1);
  });

  it('refuses an invalid row with the field and the rule, writing nothing of the batch', async () => {
    const store = await openStore(memorySegments());
    const bad = { id: 'm2', conversationId: 42, text: 'x' } as unknown as Schema['messages'];
    const error = await store.commit([put('messages', message('m1')), put('messages', bad)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRowError);
    expect((error as InvalidRowError).message).toMatch(/conversationId/);
    expect(store.count('messages')).toBe(0);
  });

  it('removes temporary files a crash left behind and refuses a damaged segment', async () => {
    const dir = await tempDir();
    const store = await openStore(directorySegments(dir));
    await store.commit([put('messages', message('m1'))]);
    await store.close();
    await writeFile(join(dir, '.seg-00000001.json.99.0.tmp'), '{"half":');
    const reopened = await openStore(directorySegments(dir));
    expect(reopened.count('messages')).toBe(1);
    expect(await readdir(dir)).toEqual(['seg-00000001.json']);

    await writeFile(join(dir, 'seg-00000002.json'), '{"version":1,"ops":[{"c"');
    await expect(openStore(directorySegments(dir))).rejects.toThrow(/seg-00000002\.json is not valid JSON/);
  });
});
