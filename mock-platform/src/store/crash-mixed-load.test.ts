import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { TEST_PASSWORD_COST } from '../auth/passwords.ts';
import { type PlatformSchema, platformIndexes, platformSchemas } from '../platform/records.ts';
import { DEMO, seedPlatform } from '../seed/demo-tenant.ts';
import { standbyChildServer } from '../testing/child-server.ts';
import { removeStandbyBundle, standbyBundle } from '../testing/server-bundle.ts';
import { textWebhook } from '../testing/webhooks.ts';
import { signBody } from '../whatsapp/signature.ts';
import { directoryJournal } from './journal-files.ts';
import { JournalStore } from './journal-store.ts';

const SECRET = 'crash-mixed-app-secret';

/** Every write the platform answered 2xx to: it must survive any kill that follows. */
interface Acknowledged {
  webhooks: string[];
  accepts: string[];
  replies: string[];
  wrapUps: string[];
  ends: string[];
}

async function call(url: string, path: string, token: string | undefined, method = 'GET', body?: unknown) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test helper, the checks below read the fields they need
  return { status: response.status, body: (await response.json().catch(() => undefined)) as any };
}

/**
 * Customers write, two agents accept, reply, and transfer or end, until `stop()`; failures (the
 * kill) are not acknowledged. `reached(n)` resolves once the agents have had `n` writes (accepts,
 * replies, wrap-ups, ends) acknowledged in this burst.
 */
function workload(url: string, tokens: string[], round: number, acked: Acknowledged) {
  let stopped = false;
  let n = 0;
  let waiter: { count: number; resolve: () => void } | undefined;
  // Kill points are counted in agents' writes: the customers' webhooks come much faster.
  let agentWrites = 0;
  const due = () => waiter !== undefined && agentWrites >= waiter.count;
  const ack = (list: string[], id: string) => {
    list.push(id);
    if (list !== acked.webhooks) agentWrites++;
    if (due()) waiter?.resolve();
  };
  const guard = async (action: () => Promise<void>) => {
    try {
      await action();
    } catch {
      // The server died mid-request: not acknowledged.
    }
  };
  const customer = async () => {
    while (!stopped) {
      const id = `wamid.mixed-${round}-${n}`;
      const from = `3460030${String(n++ % 40).padStart(4, '0')}`;
      const body = stringifyLikeMeta(textWebhook({ wamid: id, from, name: `Cliente ${from}`, text: `Hola ${id}` }));
      await guard(async () => {
        const response = await fetch(`${url}/webhooks/whatsapp`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(SECRET, body) },
          body,
        });
        if (response.status === 200) ack(acked.webhooks, id);
      });
    }
  };
  const agent = async (token: string) => {
    let turn = 0;
    while (!stopped) {
      await guard(async () => {
        const offers = (await call(url, '/api/agent/offers', token)).body as { id: string }[] | undefined;
        // The panel's pace when nothing is offered: asking without pause only burns the CPU the
        // writes need.
        if (!offers?.length) await new Promise((resolve) => setTimeout(resolve, 20));
        for (const offer of offers ?? []) {
          if (stopped) return;
          const accepted = await call(url, `/api/offers/${offer.id}/accept`, token, 'POST');
          if (accepted.status !== 200) continue;
          ack(acked.accepts, offer.id);
          const conversation = accepted.body.id as string;
          const reply = await call(url, `/api/conversations/${conversation}/messages`, token, 'POST', {
            text: `Respuesta ${turn}`,
          });
          if (reply.status === 201) ack(acked.replies, reply.body.id);
          if (turn++ % 2 === 0) {
            const moved = await call(url, `/api/conversations/${conversation}/transfer`, token, 'POST', {
              target: { type: 'queue', skillId: DEMO.skillId },
            });
            if (moved.status !== 200) continue;
            const done = await call(url, `/api/wrap-ups/${moved.body.id}`, token, 'POST', {
              closureReasonId: 'closure_resolved',
            });
            if (done.status === 200) ack(acked.wrapUps, moved.body.id);
          } else {
            const ended = await call(url, `/api/conversations/${conversation}/end`, token, 'POST', {
              closureReasonId: 'closure_resolved',
            });
            if (ended.status === 200) ack(acked.ends, conversation);
          }
        }
      });
    }
  };
  const running = Promise.all([customer(), customer(), ...tokens.map(agent)]);
  return {
    reached(count: number, timeoutMs: number) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, timeoutMs);
        waiter = {
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        if (due()) waiter.resolve();
      });
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** A small seeded generator: the kill points differ per round yet a failure can be replayed (LORO_CRASH_SEED). */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const AGENTS = [DEMO.users.ana, DEMO.users.bruno];

/** After a kill, read straight from the files (every row scanned, no index trusted). */
async function expectAllKept(dataDir: string, acked: Acknowledged) {
  // Opens clean: a torn last line is dropped (never acknowledged); anything else stops it.
  const store = await JournalStore.open<PlatformSchema>({
    files: directoryJournal(join(dataDir, 'platform')),
    indexes: platformIndexes,
    schemas: platformSchemas,
  });
  try {
    expect(acked.webhooks.filter((id) => !store.get('messages', id))).toEqual([]);
    expect(acked.replies.filter((id) => !store.get('messages', id))).toEqual([]);
    expect(acked.accepts.filter((id) => store.get('offers', id)?.status !== 'accepted')).toEqual([]);
    expect(acked.wrapUps.filter((id) => store.get('wrapUps', id)?.status !== 'done')).toEqual([]);
    expect(acked.ends.filter((id) => store.get('conversations', id)?.status !== 'ended')).toEqual([]);
    const conversations = store.all('conversations');
    const offers = store.all('offers');
    const pending = offers.filter((offer) => offer.status === 'pending');
    // No offer points at an ended conversation; no conversation is offered twice at once.
    const ended = new Set(conversations.filter((c) => c.status === 'ended').map((c) => c.id));
    expect(pending.filter((offer) => ended.has(offer.conversationId))).toEqual([]);
    expect(new Set(pending.map((offer) => offer.conversationId)).size).toBe(pending.length);
    // Every active conversation has exactly one owner, a user; a queued one has none.
    const active = conversations.filter((c) => c.status === 'active');
    expect(active.filter((c) => !c.agentId || !store.get('users', c.agentId)).map((c) => c.id)).toEqual([]);
    expect(conversations.filter((c) => c.status === 'queued' && c.agentId).map((c) => c.id)).toEqual([]);
    // Each agent's load, counted from the rows, stays within her capacity.
    for (const agent of AGENTS) {
      const load =
        active.filter(
          (c) => c.agentId === agent.id || (c.conference?.state === 'active' && c.conference.agentId === agent.id),
        ).length + pending.filter((offer) => offer.agentId === agent.id).length;
      expect(load, `${agent.id}'s load`).toBeLessThanOrEqual(store.get('users', agent.id)?.capacity ?? 0);
    }
  } finally {
    await store.close();
  }
}

/**
 * After a restart, through the API: no conversation is in two agents' task lists as theirs, and
 * the load the supervisors' board shows for each agent is what her own panel holds (conversations
 * plus pending offers). Routing may make an offer between two reads: read until the board is the
 * same before and after the agents' lists.
 */
async function expectConsistentAfterRestart(url: string, tokens: string[], supervisor: string) {
  const loads = async () => {
    const board = await call(url, '/api/supervisor/board', supervisor);
    expect(board.status).toBe(200);
    const rows = board.body.agents as { id: string; load: number; capacity: number }[];
    return AGENTS.map((agent) => rows.find((row) => row.id === agent.id));
  };
  for (let attempt = 0; ; attempt++) {
    const before = await loads();
    const panels = [];
    for (const token of tokens) {
      const conversations = (await call(url, '/api/conversations', token)).body as { id: string; agentId?: string }[];
      const offers = (await call(url, '/api/agent/offers', token)).body as unknown[];
      panels.push({ conversations, offers });
    }
    const after = await loads();
    if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 5) continue;
    const owned = panels.flatMap((panel, index) =>
      panel.conversations.filter((c) => c.agentId === AGENTS[index]?.id).map((c) => c.id),
    );
    expect(owned.length, "a conversation in two agents' task lists as theirs").toBe(new Set(owned).size);
    for (const [index, row] of after.entries()) {
      const panel = panels[index];
      expect(row?.load, `${AGENTS[index]?.id}'s load on the board`).toBe(
        (panel?.conversations.length ?? 0) + (panel?.offers.length ?? 0),
      );
      expect(row?.load ?? 0).toBeLessThanOrEqual(row?.capacity ?? 0);
    }
    return;
  }
}

/**
 * Issue 14 asks for 20 kills: `npm run bench` runs them (LORO_CRASH_KILLS=20, bench/crash-kills.ts).
 * The unit suite runs 6, which costs less time than the 4 it ran before (a kill and restart now
 * costs about half the CPU), since on a shared 2-core machine 20 take minutes.
 */
const KILLS = Number(process.env.LORO_CRASH_KILLS ?? 6);
const SEED = Number(process.env.LORO_CRASH_SEED ?? 14);

describe('crash safety under mixed load', () => {
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children) child.kill('SIGKILL');
    await removeStandbyBundle();
  });

  it(
    `keeps every acknowledged webhook, accept, reply, transfer and end across ${KILLS} SIGKILLs at random points (seed ${SEED})`,
    async () => {
      const dataDir = await mkdtemp(join(tmpdir(), 'loro-crash-mixed-'));
      const acked: Acknowledged = { webhooks: [], accepts: [], replies: [], wrapUps: [], ends: [] };
      const next = random(SEED);
      // `npm start`'s code, bundled once; each next server is spawned and loaded during the burst
      // before its kill, so a restart is what the platform does on its data, not loading TypeScript.
      const bundle = await standbyBundle();
      const env = { DATA_DIR: dataDir, WHATSAPP_APP_SECRET: SECRET, SIMULATOR: 'on' };
      const standby = async () => {
        const next = await standbyChildServer(bundle, env);
        children.push(next.child);
        return next;
      };
      let ready = standby();
      // The demo tenant with cheap password hashes (the server seeds with the production cost).
      const seeding = await JournalStore.open<PlatformSchema>({
        files: directoryJournal(join(dataDir, 'platform')),
        indexes: platformIndexes,
        schemas: platformSchemas,
      });
      await seedPlatform(seeding, { passwordCost: TEST_PASSWORD_COST });
      await seeding.close();
      const tokens: string[] = [];
      let supervisor = '';
      try {
        for (let round = 0; round <= KILLS; round++) {
          const server = await (await ready).start();
          if (round === 0) {
            // Sessions are stored: the same tokens work after every restart.
            for (const user of [...AGENTS, DEMO.users.sofia]) {
              const { body } = await call(server.url, '/api/auth/login', undefined, 'POST', {
                username: user.username,
                password: user.password,
              });
              if (user === DEMO.users.sofia) supervisor = body.token as string;
              else tokens.push(body.token as string);
            }
          } else {
            await expectConsistentAfterRestart(server.url, tokens, supervisor);
          }
          if (round === KILLS) {
            server.child.kill('SIGTERM');
            await once(server.child, 'exit');
            break;
          }
          for (const token of tokens) await call(server.url, '/api/agent/state', token, 'PUT', { state: 'available' });
          const load = workload(server.url, tokens, round, acked);
          ready = standby();
          // A random point of a short burst: after 1 to 8 acknowledged agent writes (an agent's turn
          // is accept, reply, then end or transfer and wrap-up), and the webhooks meanwhile.
          const killAfter = 1 + Math.floor(next() * 8);
          await load.reached(killAfter, 10_000);
          const exited = once(server.child, 'exit');
          server.child.kill('SIGKILL');
          await exited;
          await load.stop();
          await expectAllKept(dataDir, acked);
        }
        expect(acked.accepts.length).toBeGreaterThan(0);
        expect(acked.replies.length).toBeGreaterThan(0);
        expect(acked.wrapUps.length + acked.ends.length).toBeGreaterThan(0);
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
    30_000 + KILLS * 15_000,
  );
});
