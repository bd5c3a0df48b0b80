import { type FileHandle, mkdir, open, readdir, readFile, rename, truncate, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { Adapter } from 'lowdb';
import { syncDirectory } from './durable-json-file.ts';
import { readLegacySegments, removeLegacySegments } from './legacy-segments.ts';
import { snapshotText } from './snapshot-chunks.ts';
import { StoreLockedError } from './store-errors.ts';
import type { StoredOp } from './tables.ts';

/** What a snapshot file holds: every row at journal sequence `seq`, and each collection's row version. */
export interface SnapshotData {
  format: 1;
  /** The last commit the snapshot includes; journal entries up to it are skipped on start-up. */
  seq: number;
  /** The schema version of each collection's rows, for migrating them forward on read. */
  versions: Record<string, number>;
  collections: Record<string, unknown[]>;
}

/**
 * The files of a journal store: a snapshot (written atomically through lowdb), the journal
 * generations it has not absorbed yet (append-only JSON lines), and the lock. A directory on
 * disk, or memory for tests that do not need the disk.
 */
export interface JournalFiles {
  /** Where the files are, for messages. */
  readonly where: string;
  lock(): Promise<void>;
  unlock(): Promise<void>;
  /**
   * The lowdb adapter of the snapshot: `read` gives the current one, `write` keeps the one it
   * replaces. `write` writes the chunks `serialize` gives one at a time (never the whole text at once).
   */
  snapshot(serialize: (data: SnapshotData) => AsyncIterable<string>): Adapter<SnapshotData>;
  /** Journal generations present, oldest first. */
  journals(): Promise<number[]>;
  read(generation: number): Promise<string>;
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

    snapshot(serialize) {
      return {
        async read() {
          for (const name of [SNAPSHOT, PREVIOUS]) {
            let text: string;
            try {
              text = await readFile(path(name), 'utf8');
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
              throw error;
            }
            try {
              return JSON.parse(text) as SnapshotData;
            } catch (error) {
              throw damaged(path(name), (error as Error).message);
            }
          }
          return null;
        },
        async write(data) {
          const temp = path(`.${SNAPSHOT}.${process.pid}.${tempCounter++}.tmp`);
          await retryTransient(async () => {
            const file = await open(temp, 'w');
            try {
              // Chunk by chunk, flushed every few MiB: the journal's fdatasync never queues
              // behind a large amount of the snapshot's dirty data.
              let unsynced = 0;
              for await (const chunk of serialize(data)) {
                const bytes = Buffer.from(chunk);
                await file.write(bytes);
                unsynced += bytes.length;
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
      };
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

    read: (generation) => readFile(path(journalName(generation)), 'utf8'),

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

/** A snapshot that cannot be read: start-up stops and says what to do (nothing is deleted). */
export function damaged(file: string, reason: string): Error {
  return new Error(
    `${file} is damaged (${reason}). Nothing was changed: move it aside to start from the previous snapshot and the journal, which are kept.`,
  );
}

/** Journal files in memory: the same semantics without durability; `disk` is there for tests to copy and tear. */
export function memoryJournal(disk: Map<string, string> = new Map()): JournalFiles & { disk: Map<string, string> } {
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
    snapshot(serialize) {
      return {
        async read() {
          const text = disk.get(SNAPSHOT) ?? disk.get(PREVIOUS);
          if (text === undefined) return null;
          try {
            return JSON.parse(text) as SnapshotData;
          } catch (error) {
            throw damaged(disk.has(SNAPSHOT) ? SNAPSHOT : PREVIOUS, (error as Error).message);
          }
        },
        async write(data) {
          const text = await snapshotText(serialize(data));
          const current = disk.get(SNAPSHOT);
          if (current !== undefined) disk.set(PREVIOUS, current);
          disk.set(SNAPSHOT, text);
        },
      };
    },
    async journals() {
      return [...disk.keys()]
        .map((name) => JOURNAL.exec(name)?.[1])
        .filter((generation): generation is string => generation !== undefined)
        .map(Number)
        .sort((a, b) => a - b);
    },
    async read(generation) {
      return disk.get(journalName(generation)) ?? '';
    },
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
