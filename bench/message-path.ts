import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getRequestListener } from '@hono/node-server';
import { Hono } from 'hono';
import { loadConfig } from '../mock-platform/src/config.ts';
import { put } from '../mock-platform/src/platform/records.ts';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { startServer } from '../mock-platform/src/server.ts';
import { startChildServer } from '../mock-platform/src/testing/child-server.ts';
import { textWebhook } from '../mock-platform/src/testing/webhooks.ts';
import { signBody } from '../mock-platform/src/whatsapp/signature.ts';
import { systemClock } from '../shared/clock.ts';
import { stringifyLikeMeta } from '../shared/whatsapp/escape-json.ts';

const SECRET = 'bench-app-secret';

export interface MessagePathResult {
  name: string;
  offeredPerSecond: number;
  sent: number;
  delivered: number;
  achievedPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Webhooks not answered 200, or (platform) not on the agent's stream within 10 s. */
  failed: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function inbound(customer: string, n: number) {
  const id = `wamid.bench-${n}`;
  const body = stringifyLikeMeta(textWebhook({ wamid: id, from: customer, name: 'Bench', text: `Mensaje ${n}` }));
  return { id, body, signature: signBody(SECRET, body) };
}

/**
 * Posts `total` webhooks at `perSecond` (open loop: sends are scheduled, not paced by answers),
 * spread over `customers`, and measures from each send to `arrived(id)` resolving.
 */
async function drive(
  url: string,
  perSecond: number,
  total: number,
  customers: string[],
  /** Resolves false when the message never reached the agent's stream. */
  arrived: (id: string) => Promise<boolean>,
  /** First message number: each run needs its own ids, or the platform sees Meta retries. */
  first = 0,
): Promise<{ latencies: number[]; seconds: number; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + (n * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const message = inbound(customers[n % customers.length] ?? '', first + n);
    const sentAt = performance.now();
    const seen = arrived(message.id);
    inFlight.push(
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': message.signature },
        body: message.body,
      })
        .then(async (response) => {
          await response.arrayBuffer();
          if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
          if (!(await seen)) throw new Error('never reached the agent');
          latencies.push(performance.now() - sentAt);
        })
        .catch(() => {
          failed++;
        }),
    );
  }
  await Promise.all(inFlight);
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000, failed };
}

function summarise(
  name: string,
  perSecond: number,
  total: number,
  run: { latencies: number[]; seconds: number; failed: number },
): MessagePathResult {
  return {
    name,
    offeredPerSecond: perSecond,
    sent: total,
    delivered: run.latencies.length,
    achievedPerSecond: run.latencies.length / run.seconds,
    p50Ms: percentile(run.latencies, 50),
    p99Ms: percentile(run.latencies, 99),
    failed: run.failed,
  };
}

/** The same requests answered by a bare Hono server with nothing behind it. */
async function baseline(perSecond: number, total: number): Promise<MessagePathResult> {
  const app = new Hono().post('/webhooks/whatsapp', async (c) => {
    await c.req.arrayBuffer();
    return c.text('EVENT_RECEIVED');
  });
  const server = createServer(getRequestListener(app.fetch));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const run = await drive(
    `http://127.0.0.1:${port}/webhooks/whatsapp`,
    perSecond,
    total,
    ['34600000000'],
    async () => true,
  );
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return summarise('bare Hono (baseline)', perSecond, total, run);
}

/**
 * The platform: 20 agents each hold 10 conversations (200 customers); every webhook is verified,
 * stored durably, and pushed to its agent's event stream, where its arrival is timed.
 */
async function platform(perSecond: number, total: number): Promise<MessagePathResult> {
  // Prepare the data directory in this process: the demo tenant, 20 agents and their sessions.
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-bench-path-'));
  const env = { DATA_DIR: dataDir, WHATSAPP_APP_SECRET: SECRET };
  const setup = await startServer(loadConfig({ PORT: '0', ...env }), systemClock);
  const { ctx, sessions } = setup.platform;
  const skill = ctx.store.get('skills', DEMO.skillId);
  const admin = ctx.store.get('users', DEMO.users.admin.id);
  if (!skill || !admin) throw new Error('demo tenant missing');
  const agents = Array.from({ length: 20 }, (_, i) => ({
    ...admin,
    id: `bench_agent_${i}`,
    username: `bench${i}`,
    displayName: `Bench ${i}`,
    role: 'agent' as const,
    // The demo role includes the demo channel: without a role, routing offers nothing (RP-1).
    roleId: DEMO.roleId,
    skills: [{ skillId: skill.id, proficiency: 5 }],
    capacity: 10,
  }));
  await ctx.store.commit(agents.map((agent) => put('users', agent)));
  const tokens = await Promise.all(agents.map(async (agent) => (await sessions.create(agent)).token));
  await setup.close();

  // The platform runs in its own process, so the load generator does not share its event loop.
  const server = await startChildServer(env);
  const waiters = new Map<string, () => void>();
  const arrivedEarly = new Set<string>();
  const stop = new AbortController();
  const customers = Array.from({ length: 200 }, (_, i) => `3460020${String(i).padStart(4, '0')}`);
  const call = (token: string, route: string, method = 'GET', body?: unknown) =>
    fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  for (const token of tokens) {
    const response = await fetch(`${server.url}/api/agent/events`, {
      headers: { authorization: `Bearer ${token}` },
      signal: stop.signal,
    });
    const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      for (;;) {
        const { value, done } = (await reader?.read().catch(() => ({ value: undefined, done: true }))) ?? {
          done: true,
          value: undefined,
        };
        if (done) return;
        buffer += value;
        for (const match of buffer.matchAll(/"id":"(wamid\.bench-\d+)"/g)) {
          const id = match[1] ?? '';
          const waiter = waiters.get(id);
          if (waiter) waiter();
          else arrivedEarly.add(id);
        }
        buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 1);
      }
    })();
    await call(token, '/api/agent/state', 'PUT', { state: 'available' });
  }
  // Warm-up: one message per customer opens 200 conversations; the agents accept them all.
  await drive(`${server.url}/webhooks/whatsapp`, 200, customers.length, customers, async () => true);
  for (const token of tokens) {
    const offers = (await (await call(token, '/api/agent/offers')).json()) as { id: string }[];
    for (const offer of offers) await call(token, `/api/offers/${offer.id}/accept`, 'POST');
  }

  const arrived = (id: string) =>
    arrivedEarly.delete(id)
      ? Promise.resolve(true)
      : new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 10_000);
          waiters.set(id, () => {
            clearTimeout(timer);
            waiters.delete(id);
            resolve(true);
          });
        });
  const run = await drive(`${server.url}/webhooks/whatsapp`, perSecond, total, customers, arrived, customers.length);
  stop.abort();
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
  return summarise('platform (own process): webhook → store → agent stream', perSecond, total, run);
}

export async function benchMessagePath(perSecond = 1_000, seconds = 5): Promise<MessagePathResult[]> {
  const total = perSecond * seconds;
  return [await baseline(perSecond, total), await platform(perSecond, total)];
}
