import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Starts the real server (`npm start`'s entry point) in its own process on a random loopback
 * port, for tests and benchmarks that must not share the event loop (or be killed) with it.
 */
export function startChildServer(
  env: Record<string, string>,
  /** How long start-up may take (benchmarks on a loaded machine wait longer than tests). */
  startTimeoutMs = 20_000,
): Promise<{ child: ChildProcess; url: string }> {
  // LORO_CPU_PROF_DIR: write a CPU profile of the server there when it exits (for BENCHMARKS.md).
  const profile = process.env.LORO_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LORO_CPU_PROF_DIR}`]
    : [];
  const child = spawn(
    process.execPath,
    [...profile, '--import', 'tsx', join(ROOT, 'mock-platform', 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), startTimeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
}
