import { crc32 } from 'node:zlib';
import type { Adapter } from 'lowdb';
import { type LineBlock, lineBlocks } from './line-blocks.ts';

/**
 * What a snapshot file holds: rows at journal sequence `seq` or later (see {@link JournalStore}:
 * a row changed while the snapshot was written may hold its newer value; the journal after `seq`
 * replays it), each collection's row version, and the fingerprint of the zod schema its rows were
 * checked against when written.
 */
export interface SnapshotData {
  /** 2: one row per line with a checksum; 1: the single-line JSON of the first journal store (read only). */
  format: 1 | 2;
  /** Journal entries up to this sequence are in the snapshot; the ones after it are replayed. */
  seq: number;
  /** The first journal generation not absorbed: older ones are not read on start-up (0: read all). */
  generation: number;
  /** The schema version of each collection's rows, for migrating them forward on read. */
  versions: Record<string, number>;
  /** Each collection's schema fingerprint when written: rows whose schema has not changed need no zod pass. */
  schemas: Record<string, string>;
  /**
   * The rows, a slice at a time as `[collection, rows]`, a collection's slices one after another.
   * Read from a file, they come as the file is read, and the checksum is checked after the last
   * one: iterate to the end before trusting any of them.
   */
  slices: AsyncIterable<readonly [string, readonly unknown[]]> | Iterable<readonly [string, readonly unknown[]]>;
}

/** Bytes per chunk written (about a millisecond of serialising): requests are served between two. */
export const SNAPSHOT_CHUNK_BYTES = 64 * 1024;
const COLLECTIONS = ',"collections":{';
const TRAILER = /^\},"checksum":"([0-9a-f]{8})"\}$/;

/** A snapshot file that cannot be read: start-up stops and says what to do (nothing is deleted). */
export function damaged(file: string, reason: string): Error {
  return new Error(
    `${file} is damaged (${reason}). Nothing was changed: move it aside to start from the previous snapshot and the journal, which are kept.`,
  );
}

const hex = (crc: number) => crc.toString(16).padStart(8, '0');

/**
 * The snapshot's bytes, a chunk of about `chunkBytes` at a time: a header line, one line per
 * row, and a last line with the CRC-32 of every byte before it. Still one JSON document:
 *
 *     {"format":2,"seq":41,"generation":3,"versions":{},"schemas":{…},"collections":{
 *     "messages":[
 *     {"id":"m1",…},
 *     {"id":"m2",…}
 *     ]
 *     },"checksum":"8c1f0a2e"}
 *
 * Rows are encoded straight into one reused buffer, so a 170 MB snapshot allocates its row
 * strings and nothing else: each chunk is valid only until the next one is asked for (writers
 * write it, or copy it, before asking). Rows are pulled from `slices` only as chunks are asked
 * for, so a writer that awaits its disk between chunks lets requests run in between.
 */
export async function* encodeSnapshot(
  data: SnapshotData,
  chunkBytes = SNAPSHOT_CHUNK_BYTES,
): AsyncGenerator<Uint8Array> {
  const buffer = Buffer.allocUnsafeSlow(chunkBytes);
  let used = 0;
  let crc = 0;
  const take = () => {
    const chunk = buffer.subarray(0, used);
    crc = crc32(chunk, crc);
    used = 0;
    return chunk;
  };
  // Whether text fits after what the buffer holds (at most 3 bytes per UTF-16 unit), and in it at all.
  const fitsAfter = (text: string) => used + text.length * 3 <= buffer.length;
  const fits = (text: string) => text.length * 3 <= buffer.length;
  const own = (text: string) => {
    const chunk = Buffer.from(text);
    crc = crc32(chunk, crc);
    return chunk;
  };
  const header = JSON.stringify({
    format: 2,
    seq: data.seq,
    generation: data.generation,
    versions: data.versions,
    schemas: data.schemas,
  });
  // What goes before the next row: the header, the end of the previous row's line, a collection's opening.
  let pending = `${header.slice(0, -1)}${COLLECTIONS}\n`;
  let open: string | undefined;
  for await (const [collection, rows] of data.slices) {
    if (rows.length === 0) continue;
    if (collection !== open) {
      pending += `${open === undefined ? '' : '\n],\n'}${JSON.stringify(collection)}:[\n`;
      open = collection;
    } else {
      pending = ',\n';
    }
    // No generator delegation per row: in an async generator each step of one costs promises.
    for (const row of rows) {
      const text = pending + JSON.stringify(row);
      pending = ',\n';
      if (used > 0 && !fitsAfter(text)) yield take();
      if (fits(text)) used += buffer.write(text, used);
      else yield own(text); // a row larger than a chunk: a chunk of its own
    }
    pending = '';
  }
  const end = `${pending}${open === undefined ? '' : '\n]\n'}`;
  if (used > 0 && !fitsAfter(end)) yield take();
  if (fits(end)) used += buffer.write(end, used);
  else yield own(end);
  // The last line is not counted in the checksum it carries, and ends without a newline.
  const last = take();
  yield Buffer.concat([last, Buffer.from(`},"checksum":"${hex(crc)}"}`)]);
}

/**
 * Reads a snapshot as its bytes arrive: the header at once, the rows as `slices` is iterated,
 * the checksum after the last row. Anything out of place stops with {@link damaged} naming
 * `file` and the line. A format-1 file (one line, no checksum) is parsed whole.
 */
export async function decodeSnapshot(file: string, chunks: AsyncIterable<Uint8Array>): Promise<SnapshotData> {
  const blocks = lineBlocks(chunks)[Symbol.asyncIterator]();
  try {
    const first = await blocks.next();
    if (first.done) throw damaged(file, 'the file is empty');
    if (!first.value.complete) return formatOne(file, first.value.text);
    const block = first.value;
    const headerEnd = block.text.indexOf('\n');
    const header = parseHeader(file, block.text.slice(0, headerEnd));
    return { ...header, slices: rowSlices(file, block, headerEnd + 1, blocks) };
  } catch (error) {
    // Closes the file.
    await blocks.return?.(undefined);
    throw error;
  }
}

function parseHeader(file: string, line: string): Omit<SnapshotData, 'slices'> {
  if (!line.endsWith(COLLECTIONS)) throw damaged(file, 'line 1 is not a snapshot header');
  let header: Partial<SnapshotData>;
  try {
    header = JSON.parse(`${line.slice(0, -COLLECTIONS.length)}}`) as Partial<SnapshotData>;
  } catch (error) {
    throw damaged(file, `line 1: ${(error as Error).message}`);
  }
  if (header.format !== 2 || typeof header.seq !== 'number' || typeof header.generation !== 'number') {
    throw damaged(file, 'not a Loro snapshot');
  }
  return {
    format: 2,
    seq: header.seq,
    generation: header.generation,
    versions: header.versions ?? {},
    schemas: header.schemas ?? {},
  };
}

/** The rows after the header, a block of lines at a time, then the checksum line. */
async function* rowSlices(
  file: string,
  first: LineBlock,
  from: number,
  rest: AsyncIterator<LineBlock>,
): AsyncGenerator<readonly [string, readonly unknown[]]> {
  let crc = 0;
  let line = 1;
  let collection: string | undefined;
  let closed = false;
  let block: LineBlock | undefined = first;
  let at = from;
  try {
    while (block?.complete) {
      crc = crc32(block.bytes, crc);
      const { text } = block;
      let rows: unknown[] = [];
      while (at < text.length) {
        const end = text.indexOf('\n', at);
        line += 1;
        const char = text.charCodeAt(at);
        if (collection !== undefined && char === 0x7b /* { */) {
          const last = text.charCodeAt(end - 1) === 0x2c /* , */ ? end - 1 : end;
          try {
            rows.push(JSON.parse(text.slice(at, last)));
          } catch (error) {
            throw damaged(file, `line ${line}: ${(error as Error).message}`);
          }
        } else if (collection !== undefined && char === 0x5d /* ] */) {
          if (rows.length > 0) yield [collection, rows];
          rows = [];
          collection = undefined;
          closed = text.slice(at, end) === ']';
        } else if (collection === undefined && !closed && char === 0x22 /* " */ && text.endsWith(':[', end)) {
          try {
            collection = JSON.parse(text.slice(at, end - 2)) as string;
          } catch (error) {
            throw damaged(file, `line ${line}: ${(error as Error).message}`);
          }
        } else {
          throw damaged(file, `line ${line} is out of place`);
        }
        at = end + 1;
      }
      if (collection !== undefined && rows.length > 0) yield [collection, rows];
      const next = await rest.next();
      block = next.done ? undefined : next.value;
      at = 0;
    }
    const match = block ? TRAILER.exec(block.text) : null;
    if (!block || !match || collection !== undefined)
      throw damaged(file, `it ends at line ${line}, before its checksum`);
    if (match[1] !== hex(crc)) throw damaged(file, 'its checksum does not match its contents');
  } finally {
    // Closes the file, also when the reader stops early.
    await rest.return?.(undefined);
  }
}

/** The snapshot format of the first journal store: one JSON document, no checksum (rows get a full zod pass). */
function formatOne(file: string, text: string): SnapshotData {
  let data: { format?: unknown; seq?: unknown; versions?: Record<string, number>; collections?: unknown };
  try {
    data = JSON.parse(text) as typeof data;
  } catch (error) {
    throw damaged(file, (error as Error).message);
  }
  const { collections } = data;
  if (data.format !== 1 || typeof data.seq !== 'number' || typeof collections !== 'object' || collections === null) {
    throw damaged(file, 'not a Loro snapshot');
  }
  return {
    format: 1,
    seq: data.seq,
    generation: 0,
    versions: data.versions ?? {},
    schemas: {},
    slices: (async function* () {
      for (const [collection, rows] of Object.entries(collections)) {
        if (!Array.isArray(rows)) throw damaged(file, `${collection} is not a list of rows`);
        yield [collection, rows] as const;
      }
    })(),
  };
}

/** Where a snapshot's bytes come from and go to: a file written atomically, in a directory or in memory. */
export interface SnapshotFiles {
  /** The current snapshot (or the previous one, if the current is missing), its name and size. */
  readSnapshot(): Promise<{ file: string; bytes: number; chunks: AsyncIterable<Uint8Array> } | undefined>;
  /** Writes the chunks (each one before asking for the next) and puts them in place atomically. */
  writeSnapshot(chunks: AsyncIterable<Uint8Array>): Promise<void>;
}

/** The snapshot as a lowdb adapter: `write` streams {@link encodeSnapshot}'s chunks, `read` decodes lazily. */
export function snapshotAdapter(files: SnapshotFiles, chunkBytes = SNAPSHOT_CHUNK_BYTES): Adapter<SnapshotData> {
  return {
    async read() {
      const snapshot = await files.readSnapshot();
      return snapshot ? decodeSnapshot(snapshot.file, snapshot.chunks) : null;
    },
    write: (data) => files.writeSnapshot(encodeSnapshot(data, chunkBytes)),
  };
}
