import { WEB_ASSETS_DIR, WEB_ENTRIES, type WebEntry } from '../../web/entries.ts';
import type { AssetFile, WebAssets } from '../http/web-assets.ts';

/**
 * The built pages as route tests see them: each entry loads `/assets/{entry}-test.js` and
 * `.css`, which exist. Tests of what a page does in a browser run against the real build (e2e,
 * whose global setup runs it); these only need the server's side, without a build.
 */
export function fixtureWebAssets(): WebAssets {
  const files = new Map<string, AssetFile>();
  for (const entry of Object.keys(WEB_ENTRIES)) {
    files.set(`${entry}-test.js`, {
      body: new TextEncoder().encode(`// ${entry}`),
      type: 'text/javascript; charset=utf-8',
    });
    files.set(`${entry}-test.css`, {
      body: new TextEncoder().encode(`/* ${entry} */`),
      type: 'text/css; charset=utf-8',
    });
  }
  return {
    entry: async (entry: WebEntry) => ({
      script: `/${WEB_ASSETS_DIR}/${entry}-test.js`,
      styles: [`/${WEB_ASSETS_DIR}/${entry}-test.css`],
      preloads: [],
    }),
    file: async (name) => files.get(name),
  };
}
