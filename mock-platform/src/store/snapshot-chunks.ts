import type { SnapshotData } from './journal-files.ts';

/** About this many characters per chunk (about a millisecond of work): small enough to encode and write without holding up requests. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The snapshot's JSON as a sequence of chunks, built a few rows at a time. A large snapshot is
 * never one string: joining, encoding and writing 17 MB at once held the event loop for
 * 200–500 ms (issue 14: a compaction must not stall a request more than 50 ms), so the writer
 * encodes and writes each chunk on its own, and requests are served between two chunks.
 */
export async function* snapshotChunks(data: SnapshotData): AsyncGenerator<string> {
  let chunk = `{"format":1,"seq":${data.seq},"versions":${JSON.stringify(data.versions)},"collections":{`;
  let firstCollection = true;
  for (const [collection, rows] of Object.entries(data.collections)) {
    chunk += `${firstCollection ? '' : ','}${JSON.stringify(collection)}:[`;
    firstCollection = false;
    let firstRow = true;
    for (const row of rows) {
      chunk += `${firstRow ? '' : ','}${JSON.stringify(row)}`;
      firstRow = false;
      if (chunk.length >= CHUNK_CHARS) {
        yield chunk;
        chunk = '';
      }
    }
    chunk += ']';
  }
  yield `${chunk}}}`;
}

/** The whole snapshot as one string (in-memory files and tests). */
export async function snapshotText(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
