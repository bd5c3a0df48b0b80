import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startChildServer } from '../mock-platform/src/testing/child-server.ts';
import { textWebhook } from '../mock-platform/src/testing/webhooks.ts';
import { signBody } from '../mock-platform/src/whatsapp/signature.ts';
import { stringifyLikeMeta } from '../shared/whatsapp/escape-json.ts';

const SECRET = 'bench-flood-app-secret';

export interface SignInFloodResult {
  idleP50Ms: number;
  idleP95Ms: number;
  floodP50Ms: number;
  floodP95Ms: number;
  /** Flood p50 / idle p50: issue 18 asks for at most 3×. */
  ratioP50: number;
  ratioP95: number;
  signIns: { tried: number; refused: number; other: number };
  /** The machine's 1-minute load average before and after the flood (the machine may be shared). */
  loadAverage: { before: number; after: number };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function post(port: number, path: string, body: string, headers: Record<string, string>) {
  return new Promise<number>((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Sequential signed webhooks; the time from send to the 200 (stored durably) of each. */
async function webhookLatencies(port: number, count: number, offset: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const n = offset + i;
    const body = stringifyLikeMeta(
      textWebhook({
        wamid: `wamid.flood-${n}`,
        from: `3460020${String(n % 10_000).padStart(4, '0')}`,
        name: 'Cliente',
        text: `Mensaje ${n}`,
      }),
    );
    const started = performance.now();
    const status = await post(port, '/webhooks/whatsapp', body, { 'x-hub-signature-256': signBody(SECRET, body) });
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Webhook acknowledgement latency while `concurrency` wrong-password sign-ins hammer the platform
 * from many loopback addresses (so per-address limits do not stop them first), as a ratio to the
 * same latency when idle. Platform and attackers each in their own process, loopback only,
 * bounded in count.
 */
export async function benchSignInFlood(concurrency = 400, webhooks = 60, addresses = 200): Promise<SignInFloodResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-bench-flood-'));
  const { child, url } = await startChildServer({ DATA_DIR: dataDir, WHATSAPP_APP_SECRET: SECRET }, 120_000);
  const port = Number(new URL(url).port);
  try {
    await webhookLatencies(port, 10, 0); // warm-up
    const idle = await webhookLatencies(port, webhooks, 1_000);
    const loadBefore = loadavg()[0] ?? Number.NaN;

    const attackers = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'sign-in-attackers.ts'),
        String(port),
        String(concurrency),
        String(addresses),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let output = '';
    attackers.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    while (!output.includes('started\n')) await once(attackers.stdout, 'data');
    const flood = await webhookLatencies(port, webhooks, 2_000);
    attackers.stdin.end();
    await once(attackers, 'exit');
    const counts = JSON.parse(output.slice(output.indexOf('\n') + 1)) as SignInFloodResult['signIns'];

    const idleP50Ms = percentile(idle, 50);
    const idleP95Ms = percentile(idle, 95);
    const floodP50Ms = percentile(flood, 50);
    const floodP95Ms = percentile(flood, 95);
    return {
      idleP50Ms,
      idleP95Ms,
      floodP50Ms,
      floodP95Ms,
      ratioP50: floodP50Ms / idleP50Ms,
      ratioP95: floodP95Ms / idleP95Ms,
      signIns: counts,
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? Number.NaN },
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    await benchSignInFlood(
      Number(process.env.BENCH_FLOOD_CONCURRENCY ?? 400),
      60,
      Number(process.env.BENCH_FLOOD_ADDRESSES ?? 200),
    ),
  );
}
