import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const UI_DIR = fileURLToPath(new URL('../../admin-ui/', import.meta.url));

export interface AdminAssets {
  js: string;
  css: string;
}

let assets: Promise<AdminAssets> | undefined;

/**
 * The admin web UI (Preact, `mock-platform/admin-ui/`), bundled by esbuild the first time it is
 * asked for and kept in memory: the platform needs no build step of its own, and a process that
 * never serves /admin never pays for it.
 */
export function adminAssets(): Promise<AdminAssets> {
  assets ??= bundle().catch((error: unknown) => {
    assets = undefined;
    throw error;
  });
  return assets;
}

async function bundle(): Promise<AdminAssets> {
  const [result, css] = await Promise.all([
    build({
      entryPoints: [`${UI_DIR}main.tsx`],
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
    }),
    readFile(`${UI_DIR}admin.css`, 'utf8'),
  ]);
  const js = result.outputFiles[0]?.text;
  if (js === undefined) throw new Error('esbuild produced no admin bundle');
  return { js, css };
}
