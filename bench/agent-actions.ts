import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../mock-platform/src/config.ts';
import { put } from '../mock-platform/src/platform/records.ts';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { startServer } from '../mock-platform/src/server.ts';
import { startChildServer } from '../mock-platform/src/testing/child-server.ts';
import { textWebhook } from '../mock-platform/src/testing/webhooks.ts';
import { signBody } from '../mock-platform/src/whatsapp/signature.ts';
import { systemClock } from '../shared/clock.ts';
import { stringifyLikeMeta } from '../shared/whatsapp/escape-json.ts';

const SECRET = 'bench-actions-app-secret';
const LOAD_AGENTS = 20;
const PER_LOAD_AGENT = 10;

export interface ActionLatencies {
  accept: number[];
  reply: number[];
  state: number[];
}

export interface AgentActionsResult {
  /** p99 (ms) of each action and of all of them together, on an idle platform and under load. */
  idle: Record<keyof ActionLatencies | 'all', number>;
  loaded: Record<keyof ActionLatencies | 'all', number>;
  samples: number;
  /** The background webhooks, as the load generator saw them. */
  webhooks: { sent: number; ok: number; failed: number; offeredPerSecond: number; p50Ms: number; p99Ms: number };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const p99s = (l: ActionLatencies) => ({
  accept: percentile(l.accept, 99),
  reply: percentile(l.reply, 99),
  state: percentile(l.state, 99),
  all: percentile([...l.accept, ...l.reply, ...l.state], 99),
});

/** Reads an agent's event stream and hands each `offer` event's id to whoever waits for one. */
async function offerStream(url: string, token: string, signal: AbortSignal) {
  const response = await fetch(`${url}/api/agent/events`, { headers: { authorization: `Bearer ${token}` }, signal });
  const reader = response.body?.pipeThrough(new TextDecoderStream()).getReader();
  const arrived: string[] = [];
  let wake: (() => void) | undefined;
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = (await reader?.read().catch(() => undefined)) ?? { done: true, value: undefined };
      if (done) return;
      buffer += value;
      const frames = buffer.split('\n\n');
      buffer = frames.pop() ?? '';
      for (const frame of frames) {
        if (!/^event: offer$/m.test(frame)) continue;
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (data) arrived.push((JSON.parse(data) as { id: string }).id);
      }
      wake?.();
    }
  })();
  return async function nextOffer(): Promise<string> {
    const deadline = performance.now() + 30_000;
    while (arrived.length === 0) {
      if (performance.now() > deadline) throw new Error('no offer reached the measured agent within 30 s');
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1_000);
      });
    }
    return arrived.shift() ?? '';
  };
}

/**
 * The measured agent's work, one action at a time (closed loop, as a person works): a new customer
 * writes (not timed), the offer arrives on her event stream, then she accepts, replies, ends (not
 * timed), goes Unavailable and Available again. Accept, reply and the two state changes are timed
 * from request to answer.
 */
async function actions(
  url: string,
  token: string,
  nextOffer: () => Promise<string>,
  cycles: number,
  firstCustomer: number,
): Promise<ActionLatencies> {
  const latencies: ActionLatencies = { accept: [], reply: [], state: [] };
  const call = async (path: string, method: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (response.status >= 300)
      throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };
  const timed = async (into: number[], path: string, method: string, body?: unknown) => {
    const started = performance.now();
    const json = await call(path, method, body);
    into.push(performance.now() - started);
    return json;
  };
  for (let i = 0; i < cycles; i++) {
    const n = firstCustomer + i;
    const body = stringifyLikeMeta(
      textWebhook({ wamid: `wamid.actions-${n}`, from: `3460090${String(n).padStart(4, '0')}`, text: `Hola ${n}` }),
    );
    const posted = await fetch(`${url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(SECRET, body) },
      body,
    });
    if (posted.status !== 200) throw new Error(`the new customer's webhook answered ${posted.status}`);
    const offerId = await nextOffer();
    const conversation = await timed(latencies.accept, `/api/offers/${offerId}/accept`, 'POST');
    await timed(latencies.reply, `/api/conversations/${conversation.id}/messages`, 'POST', { text: `Hola, ${n}` });
    await call(`/api/conversations/${conversation.id}/end`, 'POST', { closureReasonId: 'closure_resolved' });
    await timed(latencies.state, '/api/agent/state', 'PUT', { state: 'unavailable', reasonId: 'reason_break' });
    await timed(latencies.state, '/api/agent/state', 'PUT', { state: 'available' });
  }
  return latencies;
}

/**
 * Issue 14: agent actions (accept, reply, state change) while 500 signed webhooks a second arrive,
 * against the same actions on an idle platform, in one run. The platform runs in its own process
 * (as `npm start` runs it); the webhooks come from a third process (`webhook-load.ts`, open loop)
 * into conversations that 20 other agents hold, 10 each; the measured agent gets every new
 * conversation, since the others are full.
 */
export async function benchAgentActions(perSecond = 500, cycles = 100): Promise<AgentActionsResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-bench-actions-'));
  const env = { DATA_DIR: dataDir, WHATSAPP_APP_SECRET: SECRET };
  const setup = await startServer(loadConfig({ PORT: '0', ...env }), systemClock);
  const { ctx, sessions } = setup.platform;
  const admin = ctx.store.get('users', DEMO.users.admin.id);
  if (!admin) throw new Error('demo tenant missing');
  const agent = (id: string, capacity: number) => ({
    ...admin,
    id,
    username: id,
    displayName: id,
    role: 'agent' as const,
    roleId: DEMO.roleId,
    skills: [{ skillId: DEMO.skillId, proficiency: 5 }],
    capacity,
  });
  const loadAgents = Array.from({ length: LOAD_AGENTS }, (_, i) => agent(`bench_load_${i}`, PER_LOAD_AGENT));
  const measured = agent('bench_measured', 3);
  await ctx.store.commit([...loadAgents, measured].map((user) => put('users', user)));
  const loadTokens = await Promise.all(loadAgents.map(async (user) => (await sessions.create(user)).token));
  const token = (await sessions.create(measured)).token;
  await setup.close();

  const server = await startChildServer(env);
  const stop = new AbortController();
  try {
    const call = (bearer: string, route: string, method = 'GET', body?: unknown) =>
      fetch(`${server.url}${route}`, {
        method,
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // The load agents take one conversation from each of 200 customers, 10 each.
    for (const bearer of loadTokens) await call(bearer, '/api/agent/state', 'PUT', { state: 'available' });
    const customers = LOAD_AGENTS * PER_LOAD_AGENT;
    for (let n = 0; n < customers; n++) {
      const body = stringifyLikeMeta(
        textWebhook({ wamid: `wamid.warm-${n}`, from: `3460020${String(n).padStart(4, '0')}`, text: 'Hola' }),
      );
      await fetch(`${server.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(SECRET, body) },
        body,
      });
    }
    let held = 0;
    for (let attempt = 0; held < customers && attempt < 50; attempt++) {
      for (const bearer of loadTokens) {
        const offers = (await (await call(bearer, '/api/agent/offers')).json()) as { id: string }[];
        for (const offer of offers) if ((await call(bearer, `/api/offers/${offer.id}/accept`, 'POST')).ok) held++;
      }
      if (held < customers) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    if (held < customers) throw new Error(`the load agents hold ${held} of ${customers} conversations`);

    const nextOffer = await offerStream(server.url, token, stop.signal);
    await call(token, '/api/agent/state', 'PUT', { state: 'available' });
    await actions(server.url, token, nextOffer, 10, 0); // warm-up
    const idle = await actions(server.url, token, nextOffer, cycles, 100);

    const generator = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'webhook-load.ts'),
        server.url,
        SECRET,
        String(perSecond),
        String(customers),
        '300',
        '0',
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let output = '';
    generator.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    while (!output.includes('started\n')) await once(generator.stdout, 'data');
    // One second at full rate before the first timed action.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const loaded = await actions(server.url, token, nextOffer, cycles, 100 + cycles);
    generator.stdin.end();
    await once(generator, 'exit');
    const webhooks = JSON.parse(output.slice(output.indexOf('\n') + 1)) as AgentActionsResult['webhooks'];
    return { idle: p99s(idle), loaded: p99s(loaded), samples: cycles, webhooks };
  } finally {
    stop.abort();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    JSON.stringify(
      await benchAgentActions(
        Number(process.env.BENCH_ACTIONS_RATE ?? 500),
        Number(process.env.BENCH_ACTIONS_CYCLES ?? 100),
      ),
      null,
      2,
    ),
  );
}
