import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WEB_ENTRIES } from '../../web/entries.ts';
import { builtWebAssets, WebAssetsMissing } from './web-assets.ts';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A build output as `vite build` leaves it: a manifest and the hashed files it names. */
async function output(manifest: unknown, files: Record<string, string> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'loro-web-'));
  dirs.push(dir);
  await mkdir(join(dir, '.vite'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, 'assets', name), text);
  return dir;
}

describe('the built pages, read from Vite’s manifest', () => {
  it('names an entry’s script, its stylesheets and the chunks it imports (with theirs), once each', async () => {
    const dir = await output({
      [WEB_ENTRIES.admin]: {
        file: 'assets/admin-abc.js',
        name: 'admin',
        isEntry: true,
        css: ['assets/admin-abc.css'],
        imports: ['_shared.js', '_words.js'],
      },
      '_shared.js': { file: 'assets/shared-def.js', css: ['assets/shared-def.css'], imports: ['_words.js'] },
      '_words.js': { file: 'assets/words-ghi.js' },
    });
    expect(await builtWebAssets(dir).entry('admin')).toEqual({
      script: '/assets/admin-abc.js',
      styles: ['/assets/admin-abc.css', '/assets/shared-def.css'],
      preloads: ['/assets/words-ghi.js', '/assets/shared-def.js'],
    });
  });

  it('says to run the build when there is none, or when it lacks the page', async () => {
    const missing = builtWebAssets(join(tmpdir(), 'loro-web-never-built'));
    await expect(missing.entry('admin')).rejects.toThrow(WebAssetsMissing);
    await expect(missing.entry('admin')).rejects.toThrow(/run `npm run build` first/);
    const other = await output({ 'x.tsx': { file: 'assets/x-1.js', isEntry: true } });
    await expect(builtWebAssets(other).entry('admin')).rejects.toThrow(/no entry admin/);
  });

  it('follows a new build (vite build --watch) without a restart', async () => {
    const dir = await output({ [WEB_ENTRIES.admin]: { file: 'assets/admin-1.js', isEntry: true } });
    const web = builtWebAssets(dir);
    expect((await web.entry('admin')).script).toBe('/assets/admin-1.js');
    const manifest = join(dir, '.vite', 'manifest.json');
    await writeFile(manifest, JSON.stringify({ [WEB_ENTRIES.admin]: { file: 'assets/admin-2.js', isEntry: true } }));
    const later = new Date(Date.now() + 5_000);
    await utimes(manifest, later, later);
    expect((await web.entry('admin')).script).toBe('/assets/admin-2.js');
  });

  it('serves the files under assets/ with their type, and nothing outside it', async () => {
    const dir = await output({}, { 'admin-abc.js': 'export {};', 'admin-abc.css': 'body{}' });
    await writeFile(join(dir, 'secret.js'), 'no');
    const web = builtWebAssets(dir);
    expect(await web.file('admin-abc.js')).toEqual({
      body: new TextEncoder().encode('export {};'),
      type: 'text/javascript; charset=utf-8',
    });
    expect((await web.file('admin-abc.css'))?.type).toBe('text/css; charset=utf-8');
    for (const name of ['../secret.js', '..%2Fsecret.js', '.vite', 'missing-1.js', 'admin-abc.exe']) {
      expect(await web.file(name), name).toBeUndefined();
    }
  });
});
