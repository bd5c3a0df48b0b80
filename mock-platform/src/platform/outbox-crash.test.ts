import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { startChildServer } from '../testing/child-server.ts';

/**
 * A stand-in for Meta's Cloud API on loopback: records every message sent, and either answers it
 * as Meta does or, while `hang` is set, never answers (the platform is killed meanwhile).
 */
async function fakeCloudApi() {
  const sends: string[] = [];
  const state: { hang: boolean; received: () => void } = { hang: true, received: () => undefined };
  let count = 0;
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      if (request.method !== 'POST' || !request.url?.endsWith('/messages') || body.includes('"status":"read"')) {
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
        return;
      }
      sends.push(body);
      state.received();
      if (state.hang) return;
      count += 1;
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          messaging_product: 'whatsapp',
          contacts: [{ input: '34612345678', wa_id: '34612345678' }],
          messages: [{ id: `wamid.fake-${count}` }],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sends,
    state,
    /** Resolves when the next send arrives. */
    nextSend: () => new Promise<void>((resolve) => (state.received = resolve)),
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

async function json(url: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test helper, assertions check the shape
  return { status: response.status, body: (await response.json()) as any };
}

const login = async (url: string) =>
  (await json(`${url}/api/auth/login`, { method: 'POST', body: { username: 'ana', password: 'loro-agent' } })).body
    .token as string;

describe('a reply cut off by SIGKILL between "sending" and the Cloud API’s answer', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  it('is shown after the restart as "may not have been sent", and is not sent again unless the agent retries', async () => {
    const cloud = await fakeCloudApi();
    const dataDir = await mkdtemp(join(tmpdir(), 'loro-outbox-'));
    const env = { DATA_DIR: dataDir, GRAPH_BASE_URL: cloud.url, SIMULATOR: 'on' };
    try {
      const first = await startChildServer(env);
      children.push(first.child);
      let token = await login(first.url);
      await json(`${first.url}/api/agent/state`, { method: 'PUT', token, body: { state: 'available' } });
      await json(`${first.url}/simulator/api/messages`, {
        method: 'POST',
        body: { phoneNumberId: DEMO.phoneNumberId, from: '+34 612 345 678', name: 'María García', text: 'Hola' },
      });
      let offers: { id: string }[] = [];
      for (let i = 0; i < 200 && offers.length === 0; i++) {
        offers = (await json(`${first.url}/api/agent/offers`, { token })).body;
      }
      const conversation = (await json(`${first.url}/api/offers/${offers[0]?.id}/accept`, { method: 'POST', token }))
        .body;

      // The reply reaches the Cloud API, which takes it; the platform dies before the answer.
      const sent = cloud.nextSend();
      void json(`${first.url}/api/conversations/${conversation.id}/messages`, {
        method: 'POST',
        token,
        body: { text: 'Su pedido sale hoy' },
      }).catch(() => undefined);
      await sent;
      const exited = once(first.child, 'exit');
      first.child.kill('SIGKILL');
      await exited;
      expect(cloud.sends).toHaveLength(1);

      // Restarted on the same data, with a Cloud API that answers.
      cloud.state.hang = false;
      const second = await startChildServer(env);
      children.push(second.child);
      token = await login(second.url);
      const transcript = (await json(`${second.url}/api/conversations/${conversation.id}/messages`, { token })).body;
      expect(transcript.map((m: { direction: string; text: string }) => [m.direction, m.text])).toEqual([
        ['inbound', 'Hola'],
        ['outbound', 'Su pedido sale hoy'],
      ]);
      expect(transcript[1]).toMatchObject({
        status: 'failed',
        uncertain: true,
        retryable: true,
        error: 'WhatsApp could not be reached; the message may not have been sent',
      });
      // The restart sent nothing on its own; the agent's Retry sends it once more, by her choice.
      expect(cloud.sends).toHaveLength(1);
      const retried = await json(
        `${second.url}/api/conversations/${conversation.id}/messages/${transcript[1].id}/retry`,
        {
          method: 'POST',
          token,
        },
      );
      expect(retried.status).toBe(201);
      expect(retried.body).toMatchObject({ text: 'Su pedido sale hoy', wamid: 'wamid.fake-1' });
      expect(cloud.sends).toHaveLength(2);
    } finally {
      await cloud.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
