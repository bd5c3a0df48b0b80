import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { type PlatformSchema, platformIndexes, platformSchemas } from '../platform/records.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { startChildServer } from '../testing/child-server.ts';
import { textWebhook } from '../testing/webhooks.ts';
import { signBody } from '../whatsapp/signature.ts';
import { directoryJournal } from './journal-files.ts';
import { JournalStore } from './journal-store.ts';

const SECRET = 'crash-mixed-app-secret';
const ROUNDS = 4;

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

/** Customers write, two agents accept, reply, and transfer or end, until `stop()`; failures (the kill) are not acknowledged. */
function workload(url: string, tokens: string[], round: number, acked: Acknowledged) {
  let stopped = false;
  let n = 0;
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
        if (response.status === 200) acked.webhooks.push(id);
      });
    }
  };
  const agent = async (token: string) => {
    let turn = 0;
    while (!stopped) {
      await guard(async () => {
        const offers = (await call(url, '/api/agent/offers', token)).body as { id: string }[] | undefined;
        for (const offer of offers ?? []) {
          if (stopped) return;
          const accepted = await call(url, `/api/offers/${offer.id}/accept`, token, 'POST');
          if (accepted.status !== 200) continue;
          acked.accepts.push(offer.id);
          const conversation = accepted.body.id as string;
          const reply = await call(url, `/api/conversations/${conversation}/messages`, token, 'POST', {
            text: `Respuesta ${turn}`,
          });
          if (reply.status === 201) acked.replies.push(reply.body.id);
          if (turn++ % 2 === 0) {
            const moved = await call(url, `/api/conversations/${conversation}/transfer`, token, 'POST', {
              target: { type: 'queue', skillId: DEMO.skillId },
            });
            if (moved.status !== 200) continue;
            const done = await call(url, `/api/wrap-ups/${moved.body.id}`, token, 'POST', {
              closureReasonId: 'closure_resolved',
            });
            if (done.status === 200) acked.wrapUps.push(moved.body.id);
          } else {
            const ended = await call(url, `/api/conversations/${conversation}/end`, token, 'POST', {
              closureReasonId: 'closure_resolved',
            });
            if (ended.status === 200) acked.ends.push(conversation);
          }
        }
      });
    }
  };
  const running = Promise.all([customer(), customer(), ...tokens.map(agent)]);
  return {
    async stop() {
      stopped = true;
      await running;
    },
  };
}

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
    // No offer points at an ended conversation; no conversation is offered twice at once; every
    // owner is a user.
    const pending = store.where('offers', 'status', 'pending');
    expect(pending.filter((offer) => store.get('conversations', offer.conversationId)?.status === 'ended')).toEqual([]);
    expect(new Set(pending.map((offer) => offer.conversationId)).size).toBe(pending.length);
    const owners = store.all('conversations').flatMap((c) => (c.status === 'ended' ? [] : (c.agentId ?? [])));
    expect(owners.filter((id) => !store.get('users', id))).toEqual([]);
  } finally {
    await store.close();
  }
}

describe('crash safety under mixed load', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  it(`keeps every acknowledged webhook, accept, reply, transfer and end across ${ROUNDS} SIGKILLs at random points`, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'loro-crash-mixed-'));
    const acked: Acknowledged = { webhooks: [], accepts: [], replies: [], wrapUps: [], ends: [] };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const server = await startChildServer({ DATA_DIR: dataDir, WHATSAPP_APP_SECRET: SECRET, SIMULATOR: 'on' });
        children.push(server.child);
        const tokens = [];
        for (const username of ['ana', 'bruno']) {
          const { body } = await call(server.url, '/api/auth/login', undefined, 'POST', {
            username,
            password: 'loro-agent',
          });
          tokens.push(body.token as string);
          await call(server.url, '/api/agent/state', body.token, 'PUT', { state: 'available' });
        }
        const before = Object.values(acked).flat().length;
        const load = workload(server.url, tokens, round, acked);
        // A different point in each round: after 20 to 60 more acknowledged writes.
        const killAfter = before + 20 + ((round * 17) % 41);
        const deadline = Date.now() + 20_000;
        while (Object.values(acked).flat().length < killAfter && Date.now() < deadline) {
          await new Promise((resolve) => setImmediate(resolve));
        }
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
  }, 120_000);
});
