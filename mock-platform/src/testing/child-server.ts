import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export interface ChildServer {
  child: ChildProcess;
  url: string;
}

function spawnServer(args: string[], env: Record<string, string>, stdin: 'ignore' | 'pipe' = 'ignore'): ChildProcess {
  // LORO_CPU_PROF_DIR: write a CPU profile of the server there when it exits (for BENCHMARKS.md).
  const profile = process.env.LORO_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.LORO_CPU_PROF_DIR}`]
    : [];
  return spawn(process.execPath, [...profile, ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: [stdin, 'pipe', 'pipe'],
  });
}

/** Resolves with the server's URL once it prints it; rejects with its output if it exits first. */
function listening(child: ChildProcess, timeoutMs = 60_000): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), timeoutMs);
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

/**
 * Starts the real server (`npm start`'s entry point) in its own process on a random loopback
 * port, for tests and benchmarks that must not share the event loop (or be killed) with it.
 */
export function startChildServer(
  env: Record<string, string>,
  /** How long start-up may take (benchmarks on a loaded machine wait longer than tests). */
  startTimeoutMs = 60_000,
): Promise<ChildServer> {
  return listening(
    spawnServer(['--import', 'tsx', join(ROOT, 'mock-platform', 'src', 'main.ts')], env),
    startTimeoutMs,
  );
}

/**
 * A server process spawned ahead, its code loaded (`bundle`: `standbyBundle()`), that opens the
 * data directory and listens only when `start()` is called: restarts after a SIGKILL then cost
 * what the platform does at start-up, not what loading TypeScript does.
 */
export async function standbyChildServer(
  bundle: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; start(): Promise<ChildServer> }> {
  const child = spawnServer([bundle], env, 'pipe');
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('standby\n')) {
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`standby server exited with ${code}`)));
  });
  await ready;
  return {
    child,
    start() {
      const started = listening(child);
      child.stdin?.write('start\n');
      return started;
    },
  };
}

/** Waits for a child to exit (resolves at once if it already has). */
export async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}
