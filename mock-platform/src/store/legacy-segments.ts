import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { DurableJsonFile } from './durable-json-file.ts';
import type { StoredOp } from './tables.ts';

/**
 * The data directories of the store this one replaced: lowdb "segment" files (`seg-00000001.json`,
 * `{ version: 1, ops: [...] }`), each a slice of the operation log. Start-up turns them into the
 * first snapshot, then removes them, so a platform upgraded in place keeps its data.
 */
const SEGMENT_NAME = /^seg-(\d{8})\.json$/;

interface SegmentFile {
  version: 1;
  ops: StoredOp[];
}

/** The operations of the segment files in `dir`, oldest first; undefined when there are none. */
export async function readLegacySegments(dir: string): Promise<StoredOp[] | undefined> {
  const names = (await readdir(dir)).filter((name) => SEGMENT_NAME.test(name)).sort();
  if (names.length === 0) return undefined;
  const ops: StoredOp[] = [];
  for (const name of names) {
    const data = await new DurableJsonFile<SegmentFile>(join(dir, name)).read();
    ops.push(...(data?.ops ?? []));
  }
  return ops;
}

export async function removeLegacySegments(dir: string): Promise<void> {
  const names = (await readdir(dir)).filter((name) => SEGMENT_NAME.test(name));
  await Promise.all(names.map((name) => unlink(join(dir, name))));
}
