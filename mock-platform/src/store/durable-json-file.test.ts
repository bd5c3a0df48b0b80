import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DurableJsonFile } from './durable-json-file.ts';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'loro-file-'));
}

describe('DurableJsonFile', () => {
  it('reads null for a file that does not exist', async () => {
    const file = new DurableJsonFile(join(await tempDir(), 'absent.json'));
    expect(await file.read()).toBeNull();
  });

  it('writes through a temporary file and leaves none behind', async () => {
    const dir = await tempDir();
    const file = new DurableJsonFile<{ n: number }>(join(dir, 'db.json'));
    await file.write({ n: 1 });
    await file.write({ n: 2 });
    expect(await file.read()).toEqual({ n: 2 });
    expect(await readdir(dir)).toEqual(['db.json']);
  });

  it('keeps the previous content when a write fails', async () => {
    const dir = await tempDir();
    const file = new DurableJsonFile<unknown>(join(dir, 'db.json'));
    await file.write({ kept: true });
    await expect(file.write({ broken: 1n })).rejects.toThrow();
    expect(await file.read()).toEqual({ kept: true });
    expect(await readdir(dir)).toEqual(['db.json']);
  });

  it('refuses to read a damaged file instead of treating it as empty', async () => {
    const path = join(await tempDir(), 'db.json');
    await writeFile(path, '{"ops": [');
    await expect(new DurableJsonFile(path).read()).rejects.toThrow(/db\.json is not valid JSON/);
    expect(await readFile(path, 'utf8')).toBe('{"ops": [');
  });
});
