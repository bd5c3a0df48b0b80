import type { Context } from 'hono';
import type { WebEntry } from '../../web/entries.ts';
import { ApiError } from './errors.ts';
import { type EntryFiles, type WebAssets, WebAssetsMissing } from './web-assets.ts';

/** What the server says about one of its browser pages; the rest is the page's own script. */
export interface PageShell {
  entry: WebEntry;
  title: string;
  lang?: string;
  /**
   * Server data the page's script reads from `<script type="application/json" id="page-data">`:
   * never executed (so `script-src 'self'` holds) and with `<` escaped, so no value can end the element.
   */
  data?: unknown;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The id of the element a page's data is in. */
export const PAGE_DATA_ID = 'page-data';

/**
 * A page's HTML: its stylesheets and script from this origin (hashed names, from the build's
 * manifest), the element its Preact app mounts into (`#app`), and its data as JSON.
 */
export function renderPage(files: EntryFiles, { title, lang = 'en', data }: PageShell): string {
  const head = [
    ...files.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`),
    ...files.preloads.map((href) => `<link rel="modulepreload" href="${escapeHtml(href)}">`),
    `<script type="module" src="${escapeHtml(files.script)}"></script>`,
  ];
  const json =
    data === undefined
      ? ''
      : `\n<script type="application/json" id="${PAGE_DATA_ID}">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
${head.join('\n')}
</head>
<body>
<div id="app"></div>${json}
</body>
</html>`;
}

/**
 * Answers with a page. Its HTML is never cached (it names the current build's files), the files
 * it names are (`/assets/*`); a platform started without `npm run build` answers 503 saying so.
 */
export async function servePage(c: Context, web: WebAssets, shell: PageShell, status: 200 | 401 = 200) {
  let files: EntryFiles;
  try {
    files = await web.entry(shell.entry);
  } catch (error) {
    if (error instanceof WebAssetsMissing) throw new ApiError(503, 'web_not_built', error.message);
    throw error;
  }
  return c.html(renderPage(files, shell), status, { 'cache-control': 'no-cache' });
}

/** The built files, by hashed name: kept by browsers for a year, since a new build has new names. */
export async function serveAsset(c: Context, web: WebAssets, name: string) {
  const file = await web.file(name);
  if (!file) throw new ApiError(404, 'not_found', `No file ${name}`);
  return c.body(file.body, 200, {
    'content-type': file.type,
    'cache-control': 'public, max-age=31536000, immutable',
  });
}
