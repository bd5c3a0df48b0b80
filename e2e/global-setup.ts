import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** e2e tests load the built extension: build it once, before any test file runs. */
export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, stdio: 'pipe' });
  if (!existsSync(join(root, '.output', 'chrome-mv3', 'manifest.json'))) {
    throw new Error('wxt build produced no .output/chrome-mv3/manifest.json');
  }
}
