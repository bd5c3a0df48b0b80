import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface CrashKillsResult {
  kills: number;
  passed: boolean;
  seconds: number;
  /** The test's own closing lines (what failed, if anything). */
  summary: string;
}

const ROOT = join(import.meta.dirname, '..');

/**
 * Issue 14's crash test at full strength: `crash-mixed-load.test.ts` with LORO_CRASH_KILLS
 * (default 20) SIGKILLs under mixed load, each followed by the checks after restart; the unit
 * suite runs it with fewer kills.
 */
export async function benchCrashKills(kills = 20): Promise<CrashKillsResult> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', 'mock-platform/src/store/crash-mixed-load.test.ts'],
    {
      cwd: ROOT,
      env: { ...process.env, LORO_CRASH_KILLS: String(kills), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return {
    kills,
    passed: code === 0,
    seconds: (performance.now() - started) / 1000,
    summary: output.trim().split('\n').slice(-8).join('\n'),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchCrashKills(Number(process.env.BENCH_CRASH_KILLS ?? 20)));
}
