import { isAscii } from 'node:buffer';

/** A run of whole lines read from a file, or (`complete: false`) the bytes after its last newline. */
export interface LineBlock {
  /** The lines, each ending in `\n`, decoded (or the unterminated tail, when not complete). */
  text: string;
  /** The same as bytes: valid until the next block is asked for. */
  bytes: Uint8Array;
  /** Where the block starts in the file, in bytes. */
  start: number;
  complete: boolean;
}

const NEWLINE = 0x0a;
/** Bytes decoded at a time: strings this small are made in V8's young generation, not page by page. */
const BLOCK_BYTES = 64 * 1024;

/** Plain ASCII (nearly every row) is copied as it is; anything else is decoded as UTF-8. */
const decode = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(isAscii(bytes) ? 'latin1' : 'utf8');

/**
 * Cuts a file read in chunks into blocks of whole lines of about 64 KiB, decoded a block at a
 * time. A file is never one string: V8 cannot make a string over 512 MiB (a journal twice the
 * size of a 1 M message snapshot comes close), and decoding and parsing one 170 MB snapshot in
 * one piece held 1 GiB at start-up and cost more than parsing it. A newline is one byte that
 * never occurs inside a multi-byte character, so a block cut after one always decodes whole.
 * The text after the last newline comes last, with `complete: false` (a torn last write, or a
 * file whose last line is not ended on purpose). Chunks may be reused by their source once the
 * next is asked for: what is kept across chunks is copied.
 */
export async function* lineBlocks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<LineBlock> {
  // Bytes after the last newline seen, kept as copies: a long line is joined once, not per chunk.
  let held: Uint8Array[] = [];
  let start = 0;
  const block = (bytes: Uint8Array): LineBlock => {
    const result = { text: decode(bytes), bytes, start, complete: true };
    start += bytes.length;
    return result;
  };
  for await (const chunk of chunks) {
    let at = 0;
    if (held.length > 0) {
      const first = chunk.indexOf(NEWLINE);
      if (first === -1) {
        held.push(Buffer.from(chunk));
        continue;
      }
      yield block(Buffer.concat([...held, chunk.subarray(0, first + 1)]));
      held = [];
      at = first + 1;
    }
    const last = chunk.lastIndexOf(NEWLINE);
    while (at <= last) {
      let end = at + BLOCK_BYTES;
      if (end > last) end = last + 1;
      else {
        const newline = chunk.lastIndexOf(NEWLINE, end - 1);
        // A line longer than a block is a block of its own.
        end = (newline >= at ? newline : chunk.indexOf(NEWLINE, end)) + 1;
      }
      yield block(chunk.subarray(at, end));
      at = end;
    }
    if (at < chunk.length) held.push(Buffer.from(chunk.subarray(at)));
  }
  if (held.length > 0) {
    const bytes = Buffer.concat(held);
    yield { text: decode(bytes), bytes, start, complete: false };
  }
}

/** A string's bytes in chunks of `size` (memory files, and tests that cut lines at every place). */
export async function* chunksOf(text: string, size = 64 * 1024): AsyncGenerator<Uint8Array> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}
