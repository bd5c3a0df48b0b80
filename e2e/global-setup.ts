import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_OUTPUT_DIR } from '../mock-platform/web/entries.ts';
import { overBudget } from '../scripts/check-bundles.ts';

/**
 * e2e tests load the built extension and the platform's built pages (admin UI, simulator pages,
 * template picker): build both once (the extension within its size budget) before any test file runs.
 */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  // Vitest sets NODE_ENV=test, which would make Vite build development code: the e2e tests load
  // (and the budget measures) the production build an agent installs.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync(bin('wxt'), ['build'], { cwd: root, stdio: 'pipe', env });
  if (!existsSync(join(root, '.output', 'chrome-mv3', 'manifest.json'))) {
    throw new Error('wxt build produced no .output/chrome-mv3/manifest.json');
  }
  execFileSync(bin('vite'), ['build', '--config', join(root, 'mock-platform', 'web', 'vite.config.ts')], {
    cwd: root,
    stdio: 'pipe',
    env,
  });
  if (!existsSync(join(root, WEB_OUTPUT_DIR, '.vite', 'manifest.json'))) {
    throw new Error(`vite build produced no ${WEB_OUTPUT_DIR}/.vite/manifest.json`);
  }
  // The same bundle budget `npm run build` enforces, so CI (which runs `npm test`) checks it too.
  const over = overBudget();
  if (over.length > 0) throw new Error(`The extension is over its bundle budget:\n  ${over.join('\n  ')}`);
}
