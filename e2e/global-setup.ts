import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { overBudget } from '../scripts/check-bundles.ts';

/** e2e tests load the built extension: build it once (within its size budget) before any test file runs. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  // Vitest sets NODE_ENV=test, which would make Vite build development code: the e2e tests load
  // (and the budget measures) the production build an agent installs.
  execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: root,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (!existsSync(join(root, '.output', 'chrome-mv3', 'manifest.json'))) {
    throw new Error('wxt build produced no .output/chrome-mv3/manifest.json');
  }
  // The same bundle budget `npm run build` enforces, so CI (which runs `npm test`) checks it too.
  const over = overBudget();
  if (over.length > 0) throw new Error(`The extension is over its bundle budget:\n  ${over.join('\n  ')}`);
}
