import { readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { z } from 'zod';
import { WEB_ASSETS_DIR, WEB_ENTRIES, type WebEntry } from '../../web/entries.ts';

/** The files one page loads: its stylesheets, its script and the chunks the script imports. */
export interface EntryFiles {
  script: string;
  styles: string[];
  preloads: string[];
}

/** A built file, ready to send. */
export interface AssetFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
}

/**
 * The platform's built browser pages (`mock-platform/web/`, `npm run build`), as the server sees
 * them: which files an entry loads, and those files by name. Injected into `createPlatform`, so
 * route tests use a small fixture (`testing/web-fixture.ts`) and need no build.
 */
export interface WebAssets {
  /** URL paths of the files `entry`'s page loads; throws `WebAssetsMissing` when it was not built. */
  entry(entry: WebEntry): Promise<EntryFiles>;
  /** A file under `/assets/` by its (hashed) name; undefined when there is none. */
  file(name: string): Promise<AssetFile | undefined>;
}

/** The pages were not built (a fresh clone started without `npm run build`). */
export class WebAssetsMissing extends Error {
  constructor(dir: string, detail: string) {
    super(`The platform's web pages are not built in ${dir} (${detail}): run \`npm run build\` first.`);
    this.name = 'WebAssetsMissing';
  }
}

export const manifestSchema = z.record(
  z.string(),
  z.object({
    file: z.string(),
    name: z.string().optional(),
    isEntry: z.boolean().optional(),
    css: z.array(z.string()).optional(),
    imports: z.array(z.string()).optional(),
  }),
);
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The URL paths of what `entry`'s page loads, from Vite's manifest: its script, its stylesheets
 * and the shared chunks it imports (with theirs), so the browser fetches them at once; undefined
 * when the manifest has no such entry.
 */
export function entryFiles(chunks: Manifest, entry: WebEntry): EntryFiles | undefined {
  const chunk = chunks[WEB_ENTRIES[entry]];
  if (!chunk?.isEntry) return undefined;
  const styles = new Set(chunk.css ?? []);
  const preloads = new Set<string>();
  const queue = [...(chunk.imports ?? [])];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    const imported = chunks[key];
    if (!imported || preloads.has(imported.file)) continue;
    preloads.add(imported.file);
    for (const css of imported.css ?? []) styles.add(css);
    queue.push(...(imported.imports ?? []));
  }
  const url = (file: string) => `/${file}`;
  return { script: url(chunk.file), styles: [...styles].map(url), preloads: [...preloads].map(url) };
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** Vite's names: `{name}-{hash}.{ext}`, letters, digits, `_`, `-` and one dot; nothing that walks out of the folder. */
const ASSET_NAME = /^[\w-]+\.[a-z0-9]+$/;

/**
 * The pages as `vite build` left them in `dir`. The manifest is read again whenever it changes on
 * disk, so a server started next to `vite build --watch` (`npm run dev`) serves each new build.
 */
export function builtWebAssets(dir: string): WebAssets {
  const manifestPath = join(dir, '.vite', 'manifest.json');
  let cached: { mtimeMs: number; manifest: Manifest } | undefined;

  async function manifest(): Promise<Manifest> {
    let mtimeMs: number;
    try {
      mtimeMs = (await stat(manifestPath)).mtimeMs;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new WebAssetsMissing(dir, 'no .vite/manifest.json');
      throw error;
    }
    if (cached?.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, manifest: manifestSchema.parse(JSON.parse(await readFile(manifestPath, 'utf8'))) };
    }
    return cached.manifest;
  }

  return {
    async entry(entry) {
      const files = entryFiles(await manifest(), entry);
      if (!files) throw new WebAssetsMissing(dir, `no entry ${entry} in its manifest`);
      return files;
    },
    async file(name) {
      const type = TYPES[extname(name)];
      if (!ASSET_NAME.test(name) || !type) return undefined;
      try {
        return { body: new Uint8Array(await readFile(join(dir, WEB_ASSETS_DIR, name))), type };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  };
}
