import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [preact()],
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'mock-platform/**/*.test.{ts,tsx}', 'extension/**/*.test.{ts,tsx}'],
          environment: 'node',
          // WXT's storage items (extension/utils/storage.ts) read the browser from `@wxt-dev/browser`
          // as they load: run them through Vite so the setup file swaps in WXT's `fakeBrowser`.
          server: { deps: { inline: [/wxt\/dist\/utils\/storage/, /@wxt-dev\/(storage|browser)/] } },
          setupFiles: ['extension/testing/fake-browser-setup.ts'],
          // Integration tests hash passwords and fsync; on a shared 2-core machine a busy moment must
          // not fail them (timing targets live in `npm run bench`, not here).
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
