import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(import.meta.dirname, '..', '..', '..');
/**
 * As deep as `mock-platform/src/`, so the code's paths relative to its own module (the built web
 * pages, `server.ts`'s WEB_DIR) resolve as they do from the TypeScript.
 */
const DIR = join(ROOT, 'mock-platform', '.cache');

let built: Promise<string> | undefined;

/**
 * The standby server (`standby-entry.ts`: `npm start`'s code, started on cue) bundled with its
 * packages into one JavaScript file, built once per process and removed with
 * {@link removeStandbyBundle}. Loading it takes about a third of the CPU that loading the
 * TypeScript through tsx does.
 */
export function standbyBundle(): Promise<string> {
  built ??= (async () => {
    const result = await build({
      entryPoints: [join(import.meta.dirname, 'standby-entry.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      // One file with the packages in it: resolving and compiling ~200 package modules on each
      // start cost about twice the CPU. esbuild (the admin UI's build) cannot be bundled.
      external: ['esbuild'],
      // The packages written as CommonJS call require().
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
      write: false,
      logLevel: 'warning',
    });
    const code = result.outputFiles[0]?.text;
    if (code === undefined) throw new Error('esbuild produced no output for the standby server');
    await mkdir(DIR, { recursive: true });
    // Test files run in parallel: each writes its own copy.
    const file = join(DIR, `standby-${process.pid}.mjs`);
    await writeFile(`${file}.tmp`, code);
    await rename(`${file}.tmp`, file);
    return file;
  })();
  return built;
}

export async function removeStandbyBundle(): Promise<void> {
  if (!built) return;
  const file = await built;
  built = undefined;
  await rm(file, { force: true });
}
