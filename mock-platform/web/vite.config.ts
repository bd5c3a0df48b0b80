import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { WEB_ASSETS_DIR, WEB_ENTRIES, WEB_OUTPUT_DIR } from './entries.ts';

const root = join(import.meta.dirname, '..', '..');
// Vitest (e2e global setup) runs with NODE_ENV=test, which would make Vite build Preact's
// development code: a page is always the production build.
process.env.NODE_ENV = 'production';

/**
 * The platform's browser pages (admin UI, customer simulator, signup, WhatsApp Manager, template
 * picker, demo console): one multi-page build, `npm run build` (`vite build --config
 * mock-platform/web/vite.config.ts`). File names carry a content hash, so the server caches them
 * for a year; the manifest tells the server which files each page loads.
 */
export default defineConfig({
  root,
  base: '/',
  publicDir: false,
  mode: 'production',
  plugins: [preact()],
  build: {
    outDir: join(root, WEB_OUTPUT_DIR),
    emptyOutDir: true,
    assetsDir: WEB_ASSETS_DIR,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: {
      input: Object.fromEntries(Object.entries(WEB_ENTRIES).map(([name, path]) => [name, join(root, path)])),
    },
  },
});
