import { appendFile, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { directoryJournal, type JournalFiles, memoryJournal } from './journal-files.ts';
import { JournalStore } from './journal-store.ts';
import { writeOps } from './store.ts';
import { InvalidRowError, StoreFailedError, StoreLockedError } from './store-errors.ts';

const messageSchema = z.object({ id: z.string(), conversationId: z.string(), text: z.string() });
type Schema = { messages: z.infer<typeof messageSchema> };
const { put, remove } = writeOps<Schema>();

function openStore(files: JournalFiles, options: { compactAfterBytes?: number; warnings?: string[] } = {}) {
  return JournalStore.open<Schema>({
    files,
    indexes: { messages: ['conversationId'] },
    schemas: { messages: messageSchema },
    ...(options.compactAfterBytes ? { compactAfterBytes: options.compactAfterBytes } : {}),
    onWarning: (warning) => options.warnings?.push(warning),
  });
}

const message = (id: string, conversationId = 'c1', text = `text ${id}`) => ({ id, conversationId, text });
const tempDir = () => mkdtemp(join(tmpdir(), 'loro-journal-'));

/** Directory files that count appends and can be told to fail the next one. */
function instrumented(inner: JournalFiles) {
  const stats = { appends: 0, bytes: 0, failNext: false };
  const files: JournalFiles = {
    ...inner,
    async append(generation, text) {
      if (stats.failNext) {
        stats.failNext = false;
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      }
      stats.appends++;
      stats.bytes += Buffer.byteLength(text);
      await inner.append(generation, text);
    },
  };
  return { files, stats };
}

describe('JournalStore', () => {
  it('stores, indexes, replaces and deletes rows, keeping first-stored order in an index', async () => {
    const store = await openStore(memoryJournal());
    await store.commit([put('messages', message('m1')), put('messages', message('m2', 'c2'))]);
    await store.commit([put('messages', message('m3'))]);
    await store.commit([put('messages', message('m1', 'c1', 'edited'))]);
    expect(store.where('messages', 'conversationId', 'c1').map((row) => row.id)).toEqual(['m1', 'm3']);
    await store.commit([put('messages', message('m1', 'c2', 'moved')), remove('messages', 'm2')]);
    expect(store.where('messages', 'conversationId', 'c2').map((row) => row.id)).toEqual(['m1']);
    expect(store.count('messages')).toBe(2);
  });

  it('writes each change once: bytes on disk grow with the data, not with history', async () => {
    const dir = await tempDir();
    const { files, stats } = instrumented(directoryJournal(dir));
    const store = await openStore(files);
    let stored = 0;
    for (let i = 0; i < 500; i++) {
      const row = message(`m${i}`, 'c1', 'x'.repeat(100));
      stored += JSON.stringify(row).length;
      await store.commit([put('messages', row)]);
    }
    expect(stats.appends).toBe(500);
    // The line adds the collection, id and sequence around each row: well under 2×.
    expect(stats.bytes / stored).toBeLessThan(2);
    await store.close();
  });

  it('reloads everything after a restart, across compactions, the last write of an id winning', async () => {
    const dir = await tempDir();
    const first = await openStore(directoryJournal(dir), { compactAfterBytes: 600 });
    for (let i = 0; i < 30; i++) {
      await first.commit([put('messages', message(`m${i}`))]);
      // A compaction that is still being written when the journal passes its size again starts
      // no second one: waiting here makes the number of compactions the same on a loaded machine.
      await first.compacted();
    }
    await first.commit([put('messages', message('m0', 'c1', 'final')), remove('messages', 'm29')]);
    await first.close();
    const names = await readdir(dir);
    expect(names).toContain('snapshot.json');
    expect(names).toContain('snapshot-prev.json');
    // Only the generations the two snapshots still need are kept.
    expect(names.filter((name) => name.startsWith('journal-')).length).toBeLessThanOrEqual(3);

    const second = await openStore(directoryJournal(dir), { compactAfterBytes: 600 });
    expect(second.count('messages')).toBe(29);
    expect(second.get('messages', 'm0')?.text).toBe('final');
    expect(second.get('messages', 'm29')).toBeUndefined();
    expect(second.where('messages', 'conversationId', 'c1')).toHaveLength(29);
    await second.commit([put('messages', message('after-restart'))]);
    await second.close();
    const third = await openStore(directoryJournal(dir));
    expect(third.get('messages', 'after-restart')).toBeDefined();
    await third.close();
  });

  it('loses no concurrent commit and groups them into few appends', async () => {
    const dir = await tempDir();
    const { files, stats } = instrumented(directoryJournal(dir));
    const store = await openStore(files);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.commit([put('messages', message(`m${i}`))])));
    expect(store.count('messages')).toBe(200);
    expect(stats.appends).toBeLessThan(200);
    await store.close();
    const reopened = await openStore(directoryJournal(dir));
    expect(reopened.count('messages')).toBe(200);
    await reopened.close();
  });

  it('shows a commit to readers at once and resolves it, and sync(), only when durable', async () => {
    const { files, stats } = instrumented(memoryJournal());
    const store = await openStore(files);
    const durable = store.commit([put('messages', message('m1'))]);
    expect(store.get('messages', 'm1')).toBeDefined();
    expect(stats.appends).toBe(0);
    await store.sync();
    expect(stats.appends).toBe(1);
    await durable;
    await store.sync();
    expect(stats.appends).toBe(1);
  });

  it('fails stop on a write error: that commit and every later one reject, and the disk keeps what was durable', async () => {
    const dir = await tempDir();
    const { files, stats } = instrumented(directoryJournal(dir));
    const store = await openStore(files);
    await store.commit([put('messages', message('kept'))]);
    stats.failNext = true;
    await expect(store.commit([put('messages', message('lost'))])).rejects.toThrow(/could not write to disk.*ENOSPC/);
    await expect(store.commit([put('messages', message('later'))])).rejects.toBeInstanceOf(StoreFailedError);
    await expect(store.sync()).rejects.toBeInstanceOf(StoreFailedError);
    expect(store.failed).toBeInstanceOf(StoreFailedError);
    await store.close();
    const reopened = await openStore(directoryJournal(dir));
    expect(reopened.all('messages').map((row) => row.id)).toEqual(['kept']);
    await reopened.close();
  });

  it('refuses an invalid row with the field and the rule, writing nothing of the batch', async () => {
    const store = await openStore(memoryJournal());
    const bad = { id: 'm2', conversationId: 42, text: 'x' } as unknown as Schema['messages'];
    const error = await store.commit([put('messages', message('m1')), put('messages', bad)]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRowError);
    expect((error as InvalidRowError).message).toMatch(/conversationId/);
    expect(store.count('messages')).toBe(0);
  });

  it('drops a torn last line (a crash mid-append) and says so; a damaged line before it stops start-up', async () => {
    const dir = await tempDir();
    const store = await openStore(directoryJournal(dir));
    await store.commit([put('messages', message('m1'))]);
    await store.commit([put('messages', message('m2'))]);
    await store.close();
    const journal = join(dir, 'journal-00000001.jsonl');
    await appendFile(journal, '{"s":3,"o":[{"c":"messages","id":"m3","row":{"id":"m3","conv');
    const warnings: string[] = [];
    const reopened = await openStore(directoryJournal(dir), { warnings });
    expect(reopened.all('messages').map((row) => row.id)).toEqual(['m1', 'm2']);
    expect(warnings.join()).toMatch(/incomplete last journal line/);
    await reopened.commit([put('messages', message('m3'))]);
    await reopened.close();
    expect((await readFile(journal, 'utf8')).split('\n').filter(Boolean)).toHaveLength(3);

    const lines = (await readFile(journal, 'utf8')).split('\n');
    lines[1] = '{"s":2,"o":[{"c":"mess';
    await writeFile(journal, lines.join('\n'));
    await expect(openStore(directoryJournal(dir))).rejects.toThrow(/line 2 of journal generation 1 is damaged/);
  });

  it('stops start-up on a damaged snapshot naming it, and starts from the previous one once it is moved aside', async () => {
    const dir = await tempDir();
    const store = await openStore(directoryJournal(dir), { compactAfterBytes: 300 });
    for (let i = 0; i < 12; i++) await store.commit([put('messages', message(`m${i}`))]);
    await store.close();
    const snapshot = join(dir, 'snapshot.json');
    const good = await readFile(snapshot, 'utf8');
    await writeFile(snapshot, good.slice(0, good.length / 2));
    await expect(openStore(directoryJournal(dir))).rejects.toThrow(/snapshot\.json is damaged.*previous snapshot/);
    await writeFile(join(dir, 'damaged-snapshot.json'), await readFile(snapshot));
    await (await import('node:fs/promises')).unlink(snapshot);
    const recovered = await openStore(directoryJournal(dir));
    expect(recovered.count('messages')).toBe(12);
    await recovered.close();
  });

  it('refuses a second process (or a second open) on the same directory, naming it', async () => {
    const dir = await tempDir();
    const store = await openStore(directoryJournal(dir));
    await expect(openStore(directoryJournal(dir))).rejects.toBeInstanceOf(StoreLockedError);
    await expect(openStore(directoryJournal(dir))).rejects.toThrow(
      new RegExp(`${dir} is in use by another Loro process \\(pid ${process.pid}@`),
    );
    await store.close();
    // A lock left by a process that is gone (a crash) is taken over.
    await writeFile(join(dir, 'LOCK'), `999999999@${(await import('node:os')).hostname()}`);
    const again = await openStore(directoryJournal(dir));
    await again.close();
  });

  it('compacts without losing commits made while the snapshot is written', async () => {
    const files = memoryJournal();
    const store = await openStore(files, { compactAfterBytes: 400 });
    const writes = Array.from({ length: 300 }, (_, i) =>
      store.commit([put('messages', message(`m${i}`, `c${i % 7}`))]),
    );
    await Promise.all(writes);
    await store.compact();
    await store.close();
    expect(files.disk.has('snapshot.json')).toBe(true);
    const reopened = await openStore(files);
    expect(reopened.count('messages')).toBe(300);
    expect(reopened.where('messages', 'conversationId', 'c3')).toHaveLength(43);
    await reopened.close();
  });

  it('turns the segment files of the previous engine into its first snapshot', async () => {
    const dir = await tempDir();
    const segment = {
      version: 1,
      ops: [
        { c: 'messages', id: 'm1', row: message('m1') },
        { c: 'messages', id: 'm2', row: message('m2') },
        { c: 'messages', id: 'm1', deleted: true },
      ],
    };
    await writeFile(join(dir, 'seg-00000001.json'), JSON.stringify(segment));
    const store = await openStore(directoryJournal(dir));
    expect(store.all('messages').map((row) => row.id)).toEqual(['m2']);
    await store.close();
    const names = await readdir(dir);
    expect(names).toContain('snapshot.json');
    expect(names.some((name) => name.startsWith('seg-'))).toBe(false);
    expect((await stat(join(dir, 'snapshot.json'))).size).toBeGreaterThan(0);
  });

  it('restarts without a zod pass over rows written under the same schema, and with one once it changed', async () => {
    const files = memoryJournal();
    let checks = 0;
    const counted = messageSchema.refine(() => {
      checks += 1;
      return true;
    });
    const open = (schema: z.ZodType<Schema['messages']>) =>
      JournalStore.open<Schema>({ files, schemas: { messages: schema }, indexes: { messages: ['conversationId'] } });
    const first = await open(counted);
    await first.commit(Array.from({ length: 50 }, (_, i) => put('messages', message(`m${i}`))));
    await first.compact();
    await first.close();
    checks = 0;
    const same = await open(counted);
    expect(same.count('messages')).toBe(50);
    expect(checks).toBe(0);
    await same.close();
    // A field with a default: the fingerprint changes, every row is checked and gets it.
    const changed = await open(messageSchema.extend({ lang: z.string().default('es') }) as never);
    expect(changed.get('messages', 'm7')).toMatchObject({ id: 'm7', lang: 'es' });
    await changed.close();
  });

  it('does not read the journal generations its snapshot holds, and starts a new one after it', async () => {
    const inner = memoryJournal();
    const read: number[] = [];
    const files: JournalFiles = {
      ...inner,
      journal(generation) {
        read.push(generation);
        return inner.journal(generation);
      },
    };
    const store = await openStore(files);
    for (let i = 0; i < 5; i++) await store.commit([put('messages', message(`m${i}`))]);
    await store.compact();
    await store.commit([put('messages', message('m5'))]);
    await store.compact();
    await store.close();
    // Generation 2 is kept (the previous snapshot needs it), but not read.
    expect(await files.journals()).toEqual([2]);
    const reopened = await openStore(files);
    expect(read).toEqual([]);
    await reopened.commit([put('messages', message('after'))]);
    await reopened.close();
    expect(await files.journals()).toEqual([2, 3]);
    const again = await openStore(files);
    expect(read).toEqual([3]);
    expect(again.count('messages')).toBe(7);
    await again.close();
  });

  it('keeps every commit made while a snapshot is being written: rows replaced, deleted, put again, added', async () => {
    const inner = memoryJournal();
    let writing = false;
    const files: JournalFiles = {
      ...inner,
      writeSnapshot(chunks) {
        return inner.writeSnapshot(
          (async function* () {
            writing = true;
            for await (const chunk of chunks) {
              yield chunk;
              await new Promise((resolve) => setImmediate(resolve));
            }
            writing = false;
          })(),
        );
      },
    };
    // About one row per chunk: the commits below land between the snapshot's rows.
    const store = await JournalStore.open<Schema>({
      files,
      snapshotChunkBytes: 64,
      indexes: { messages: ['conversationId'] },
    });
    await store.commit(Array.from({ length: 40 }, (_, i) => put('messages', message(`m${i}`))));
    const compaction = store.compact();
    let round = 0;
    while (!writing) await new Promise((resolve) => setImmediate(resolve));
    while (writing) {
      const i = round++ % 40;
      const ops = [put('messages', message(`m${39 - i}`, 'c2', `changed in round ${round}`))];
      if (i % 3 === 0) ops.push(remove('messages', `m${i}`));
      if (i % 3 === 1) ops.push(put('messages', message(`m${i - 1}`, 'c3', 'put again')));
      ops.push(put('messages', message(`new${round}`)));
      await store.commit(ops);
      // A turn of the event loop, as between two requests: the snapshot writes its next chunk.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await compaction;
    expect(round).toBeGreaterThan(10);
    const expected = store.all('messages').sort((a, b) => a.id.localeCompare(b.id));
    // A crash now (the process gone, nothing more written): the snapshot and the journal after it.
    const crashed = await JournalStore.open<Schema>({
      files: memoryJournal(new Map(inner.disk)),
      indexes: { messages: ['conversationId'] },
    });
    expect(crashed.all('messages').sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
    expect(crashed.where('messages', 'conversationId', 'c3').length).toBe(
      store.where('messages', 'conversationId', 'c3').length,
    );
    await crashed.close();
    await store.close();
  });
});
