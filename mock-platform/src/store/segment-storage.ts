import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type Adapter, Memory } from 'lowdb';
import { DurableJsonFile } from './durable-json-file.ts';

/** One operation as written in a segment file. */
export type SegmentOp =
  | { c: string; id: string; row: Record<string, unknown> }
  | { c: string; id: string; deleted: true };

export interface SegmentFile {
  version: 1;
  ops: SegmentOp[];
}

/** Where segment files live: a directory on disk, or memory for tests that do not need disk. */
export interface SegmentStorage {
  /** Names of existing segments, oldest first. */
  list(): Promise<string[]>;
  /** `serialize` turns the segment into its file text (the store passes one that reuses cached JSON). */
  adapter(name: string, serialize?: (data: SegmentFile) => string): Adapter<SegmentFile>;
}

const SEGMENT_NAME = /^seg-(\d{8})\.json$/;

export function segmentName(sequence: number): string {
  return `seg-${String(sequence).padStart(8, '0')}.json`;
}

export function segmentSequence(name: string): number {
  const match = SEGMENT_NAME.exec(name);
  if (!match?.[1]) throw new Error(`not a segment file name: ${name}`);
  return Number(match[1]);
}

/** Segment files in a directory, written with {@link DurableJsonFile}. */
export function directorySegments(dir: string): SegmentStorage {
  return {
    async list() {
      await mkdir(dir, { recursive: true });
      const names = await readdir(dir);
      // Temporary files are what a crash left between write and rename: never committed.
      await Promise.all(names.filter((name) => name.endsWith('.tmp')).map((name) => unlink(join(dir, name))));
      return names.filter((name) => SEGMENT_NAME.test(name)).sort();
    },
    adapter: (name, serialize) => new DurableJsonFile<SegmentFile>(join(dir, name), serialize),
  };
}

/** Segments kept in memory: same semantics, no durability. */
export function memorySegments(): SegmentStorage {
  const adapters = new Map<string, Memory<SegmentFile>>();
  const written = new Set<string>();
  return {
    async list() {
      return [...written].sort();
    },
    adapter(name) {
      let adapter = adapters.get(name);
      if (!adapter) {
        const memory = new Memory<SegmentFile>();
        adapter = memory;
        const write = memory.write.bind(memory);
        memory.write = async (data) => {
          written.add(name);
          // A copy, as a file would hold: later in-memory changes must not leak into it.
          await write(structuredClone(data));
        };
        adapters.set(name, memory);
      }
      return adapter;
    },
  };
}
