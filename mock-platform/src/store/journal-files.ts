import { type FileHandle, mkdir, open, readdir, readFile, rename, truncate, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { syncDirectory } from './durable-json-file.ts';
import { readLegacySegments, removeLegacySegments } from './legacy-segments.ts';
import { chunksOf } from './line-blocks.ts';
import type { SnapshotFiles } from './snapshot-format.ts';
import { StoreLockedError } from './store-errors.ts';
import type { StoredOp } from './tables.ts';

/**
 * The files of a journal store: a snapshot (written atomically, through lowdb: see
 * `snapshot-format.ts`), the journal generations it has not absorbed yet (append-only JSON
 * lines), and the lock. A directory on disk, or memory for tests that do not need the disk.
 * Files are read as chunks of bytes, never as one string.
 */
export interface JournalFiles extends SnapshotFiles {
  /** Where the files are, for messages. */
  readonly where: string;
  lock(): Promise<void>;
  unlock(): Promise<void>;
  /** Journal generations present, oldest first. */
  journals(): Promise<number[]>;
  /** A generation's bytes (none if it is absent). */
  journal(generation: number): AsyncIterable<Uint8Array>;
  /** Cuts a generation to `bytes` (a torn last line, dropped). */
  truncate(generation: number, bytes: number): Promise<void>;
  /** Appends and makes the text durable (fdatasync) before resolving. */
  append(generation: number, text: string): Promise<void>;
  remove(generation: number): Promise<void>;
  /** Operations of the store format this one replaces (segment files), if any are left. */
  legacy(): Promise<StoredOp[] | undefined>;
  removeLegacy(): Promise<void>;
  close(): Promise<void>;
}

export const journalName = (generation: number) => `journal-${String(generation).padStart(8, '0')}.jsonl`;
const JOURNAL = /^journal-(\d{8})\.jsonl$/;
const SNAPSHOT = 'snapshot.json';
const PREVIOUS = 'snapshot-prev.json';
const LOCK = 'LOCK';
/** A snapshot being written is flushed to disk every this many bytes. */
const SNAPSHOT_SYNC_BYTES = 4 * 1024 * 1024;
/** Bytes read at a time on start-up. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** Errors that say "not now" (too many open files, a busy device), not "the disk failed". */
const TRANSIENT = new Set(['EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY']);

/**
 * Retries an operation that failed for want of a file descriptor: a burst of sockets must not
 * stop the store for good. Up to about 20 s, then the error stands.
 */
export async function retryTransient<T>(action: () => Promise<T>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts || !TRANSIENT.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      await delay(Math.min(1_000, 25 * attempt));
    }
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

let tempCounter = 0;

/** The store's files in a directory. */
export function directoryJournal(dir: string): JournalFiles {
  const handles = new Map<number, FileHandle>();
  const path = (name: string) => join(dir, name);
  const handleOf = async (generation: number) => {
    let handle = handles.get(generation);
    if (!handle) {
      handle = await retryTransient(() => open(path(journalName(generation)), 'a'));
      handles.set(generation, handle);
    }
    return handle;
  };
  const closeHandle = async (generation: number) => {
    const handle = handles.get(generation);
    handles.delete(generation);
    await handle?.close();
  };

  return {
    where: dir,

    async lock() {
      await mkdir(dir, { recursive: true });
      const me = `${process.pid}@${hostname()}`;
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const handle = await open(path(LOCK), 'wx');
          await handle.writeFile(me);
          await handle.sync();
          await handle.close();
          return;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
          const holder = (await readFile(path(LOCK), 'utf8').catch(() => '')).trim();
          const [pid, host] = holder.split('@');
          const running = host === hostname() && pid !== undefined && alive(Number(pid));
          if (running || Number(pid) === process.pid) throw new StoreLockedError(dir, `pid ${holder}`);
          // Left by a process that is gone (a crash): take it over.
          await unlink(path(LOCK)).catch(() => undefined);
        }
      }
      throw new StoreLockedError(dir, 'the lock file keeps coming back');
    },

    async unlock() {
      await unlink(path(LOCK)).catch(() => undefined);
    },

    async readSnapshot() {
      for (const name of [SNAPSHOT, PREVIOUS]) {
        const handle = await readable(path(name));
        if (!handle) continue;
        const { size } = await handle.stat();
        return { file: path(name), bytes: size, chunks: chunksFrom(handle) };
      }
      return undefined;
    },

    async writeSnapshot(chunks) {
      const temp = path(`.${SNAPSHOT}.${process.pid}.${tempCounter++}.tmp`);
      await retryTransient(async () => {
        const file = await open(temp, 'w');
        try {
          // Chunk by chunk, flushed every few MiB: the journal's fdatasync never queues
          // behind a large amount of the snapshot's dirty data.
          let unsynced = 0;
          for await (const chunk of chunks) {
            await file.write(chunk);
            unsynced += chunk.length;
            if (unsynced >= SNAPSHOT_SYNC_BYTES) {
              await file.datasync();
              unsynced = 0;
            }
          }
          await file.sync();
        } finally {
          await file.close();
        }
      }).catch(async (error) => {
        await unlink(temp).catch(() => undefined);
        throw error;
      });
      // The snapshot it replaces stays as the previous one: start-up falls back to it.
      await rename(path(SNAPSHOT), path(PREVIOUS)).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
      await rename(temp, path(SNAPSHOT));
      await retryTransient(() => syncDirectory(dir));
    },

    async journals() {
      await mkdir(dir, { recursive: true });
      const names = await readdir(dir);
      // Temporary files are what a crash left between write and rename: never part of the state.
      await Promise.all(names.filter((name) => name.endsWith('.tmp')).map((name) => unlink(path(name))));
      return names
        .map((name) => JOURNAL.exec(name)?.[1])
        .filter((generation): generation is string => generation !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    },

    async *journal(generation) {
      const handle = await readable(path(journalName(generation)));
      if (handle) yield* chunksFrom(handle);
    },

    async truncate(generation, bytes) {
      await closeHandle(generation);
      await truncate(path(journalName(generation)), bytes);
    },

    async append(generation, text) {
      const handle = await handleOf(generation);
      await handle.write(text);
      await handle.datasync();
    },

    async remove(generation) {
      await closeHandle(generation);
      await unlink(path(journalName(generation))).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      });
    },

    legacy: () => readLegacySegments(dir),
    removeLegacy: () => removeLegacySegments(dir),

    async close() {
      await Promise.all([...handles.keys()].map(closeHandle));
    },
  };
}

/**
 * A file's bytes, read into one reused buffer (each chunk is valid until the next is asked for):
 * a fresh megabyte per read cost more in page faults than the reading itself. Closes the file
 * at the end, or when the reader stops early.
 */
async function* chunksFrom(handle: FileHandle): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafeSlow(READ_CHUNK_BYTES);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/** The file opened for reading, or undefined if it does not exist. */
async function readable(file: string): Promise<FileHandle | undefined> {
  try {
    return await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Journal files in memory: the same semantics without durability; `disk` is there for tests to copy and tear. */
export function memoryJournal(
  disk: Map<string, string> = new Map(),
  /** Bytes per chunk read (small in tests, to cut lines and characters at every place). */
  readChunkBytes = 64 * 1024,
): JournalFiles & { disk: Map<string, string> } {
  let locked = false;
  return {
    where: 'memory',
    disk,
    async lock() {
      if (locked) throw new StoreLockedError('memory', 'this process');
      locked = true;
    },
    async unlock() {
      locked = false;
    },
    async readSnapshot() {
      for (const name of [SNAPSHOT, PREVIOUS]) {
        const text = disk.get(name);
        if (text !== undefined)
          return { file: name, bytes: Buffer.byteLength(text), chunks: chunksOf(text, readChunkBytes) };
      }
      return undefined;
    },
    async writeSnapshot(chunks) {
      const parts: Buffer[] = [];
      for await (const chunk of chunks) parts.push(Buffer.from(chunk));
      const current = disk.get(SNAPSHOT);
      if (current !== undefined) disk.set(PREVIOUS, current);
      disk.set(SNAPSHOT, Buffer.concat(parts).toString());
    },
    async journals() {
      return [...disk.keys()]
        .map((name) => JOURNAL.exec(name)?.[1])
        .filter((generation): generation is string => generation !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    },
    journal: (generation) => chunksOf(disk.get(journalName(generation)) ?? '', readChunkBytes),
    async truncate(generation, bytes) {
      const name = journalName(generation);
      disk.set(
        name,
        Buffer.from(disk.get(name) ?? '')
          .subarray(0, bytes)
          .toString(),
      );
    },
    async append(generation, text) {
      const name = journalName(generation);
      disk.set(name, (disk.get(name) ?? '') + text);
    },
    async remove(generation) {
      disk.delete(journalName(generation));
    },
    legacy: async () => undefined,
    removeLegacy: async () => undefined,
    async close() {},
  };
}
