import { open, readFile, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';

let tempCounter = 0;

/**
 * A lowdb adapter whose writes are atomic and durable: the JSON goes to a temporary file that is
 * fsynced, renamed over the target, and the directory is fsynced so the rename itself survives a
 * crash. A reader therefore sees either the old file or the new one, never half of one.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #path: string;
  readonly #serialize: (data: T) => string;

  constructor(path: string, serialize: (data: T) => string = (data) => JSON.stringify(data)) {
    this.#path = path;
    this.#serialize = serialize;
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      // Never treat a damaged file as empty: that would silently drop everything in it.
      throw new Error(`${this.#path} is not valid JSON: ${(error as Error).message}`);
    }
  }

  async write(data: T): Promise<void> {
    const dir = dirname(this.#path);
    const temp = join(dir, `.${basename(this.#path)}.${process.pid}.${tempCounter++}.tmp`);
    const text = this.#serialize(data);
    const file = await open(temp, 'w');
    try {
      await file.writeFile(text);
      await file.sync();
    } catch (error) {
      await file.close();
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    await file.close();
    await rename(temp, this.#path);
    await syncDirectory(dir);
  }
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
