import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { entryFiles, manifestSchema } from '../mock-platform/src/http/web-assets.ts';
import { WEB_OUTPUT_DIR, type WebEntry } from '../mock-platform/web/entries.ts';

/**
 * The extension's bundle budget, checked after every build (`npm run build`): gzip sizes of what
 * the side panel, the options page, the content script and the background load, and the template
 * picker page the panel frames. A budget broken
 * fails the build with the entry, its size and its limit.
 */
const OUTPUT = join(import.meta.dirname, '..', '.output', 'chrome-mv3');
const WEB_OUTPUT = join(import.meta.dirname, '..', WEB_OUTPUT_DIR);
const KIB = 1024;
export const BUDGETS: Record<string, number> = {
  'side panel (html + js + css)': 90 * KIB,
  'options page (html + js + css)': 60 * KIB,
  'content script (js + css)': 12 * KIB,
  // The background is wiring only, without zod (hand-checked messages, utils/messages.ts): 7.3 KiB,
  // of which 2.9 are WXT's storage (the console-pages item, utils/storage-items.ts).
  background: 8 * KIB,
  // The platform's page the panel frames for every template sent (web/template-picker/): 11 KiB.
  'template picker page (js + css)': 20 * KIB,
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const gz = (path: string) => gzipSync(readFileSync(path)).length;

/** The chunks an HTML page loads, found from its script and stylesheet tags (and their imports). */
function pageFiles(html: string): string[] {
  const seen = new Set<string>([join(OUTPUT, html)]);
  const queue = [join(OUTPUT, html)];
  while (queue.length > 0) {
    const file = queue.pop() ?? '';
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /(?:src|href)="\/?([^"]+\.(?:js|css))"|from\s*"\.{0,2}\/?([^"]+\.js)"|import\("\.{0,2}\/?([^"]+\.js)"\)/g,
    )) {
      const ref = match[1] ?? match[2] ?? match[3] ?? '';
      const candidates = [join(OUTPUT, ref), join(OUTPUT, 'chunks', ref.replace(/^chunks\//, ''))];
      const found = candidates.find((candidate) => {
        try {
          return statSync(candidate).isFile();
        } catch {
          return false;
        }
      });
      if (found && !seen.has(found)) {
        seen.add(found);
        if (found.endsWith('.js')) queue.push(found);
      }
    }
  }
  return [...seen];
}

/** The files a platform page loads (`npm run build:web`), from Vite's manifest. */
function webPageFiles(entry: WebEntry): string[] {
  const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(WEB_OUTPUT, '.vite', 'manifest.json'), 'utf8')));
  const files = entryFiles(manifest, entry);
  if (!files) throw new Error(`${WEB_OUTPUT_DIR} has no page ${entry}: run npm run build:web`);
  return [files.script, ...files.preloads, ...files.styles].map((url) => join(WEB_OUTPUT, url));
}

export function measure(): Record<string, number> {
  const all = files(OUTPUT);
  const sum = (paths: string[]) => paths.reduce((total, path) => total + gz(path), 0);
  return {
    'side panel (html + js + css)': sum(pageFiles('sidepanel.html')),
    'options page (html + js + css)': sum(pageFiles('options.html')),
    'content script (js + css)': sum(all.filter((path) => relative(OUTPUT, path).startsWith('content-scripts/'))),
    background: sum(all.filter((path) => relative(OUTPUT, path) === 'background.js')),
    'template picker page (js + css)': sum(webPageFiles('template-picker')),
  };
}

/** Every entry over its budget, as readable lines (empty when all fit). */
export function overBudget(sizes = measure()): string[] {
  return Object.entries(sizes).flatMap(([entry, size]) => {
    const limit = BUDGETS[entry] ?? 0;
    return size > limit
      ? [`${entry}: ${(size / KIB).toFixed(1)} KiB gzip, budget ${(limit / KIB).toFixed(0)} KiB`]
      : [];
  });
}

if (process.argv[1]?.endsWith('check-bundles.ts')) {
  const sizes = measure();
  for (const [entry, size] of Object.entries(sizes)) {
    console.log(
      `${entry}: ${(size / KIB).toFixed(1)} KiB gzip (budget ${((BUDGETS[entry] ?? 0) / KIB).toFixed(0)} KiB)`,
    );
  }
  const over = overBudget(sizes);
  if (over.length > 0) {
    console.error(`The extension is over its bundle budget:\n  ${over.join('\n  ')}`);
    process.exit(1);
  }
}
