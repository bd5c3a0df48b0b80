import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { startChildServer } from '../testing/child-server.ts';
import { textWebhook } from '../testing/webhooks.ts';
import { signBody } from '../whatsapp/signature.ts';

const SECRET = 'connection-test-app-secret';
const PER_ADDRESS = 8;
const TOTAL = 12;

const children: ChildProcess[] = [];
const sockets: Socket[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function server(env: Record<string, string> = {}) {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-conn-'));
  dirs.push(dataDir);
  const started = await startChildServer({
    DATA_DIR: dataDir,
    WHATSAPP_APP_SECRET: SECRET,
    MAX_CONNECTIONS: String(TOTAL),
    MAX_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
    ...env,
  });
  children.push(started.child);
  const { port } = new URL(started.url);
  return { url: started.url, port: Number(port) };
}

/** An idle socket from `localAddress` (any 127/8 address is loopback on Linux); resolves once connected. */
async function idleSocket(port: number, localAddress = '127.0.0.1') {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  sockets.push(socket);
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString();
  });
  socket.on('error', () => {});
  const closed = once(socket, 'close').then(() => received);
  await once(socket, 'connect');
  return { socket, closed, received: () => received };
}

/** Posts a signed webhook from `localAddress` on a fresh connection: its status, or 'closed'. */
function postWebhook(port: number, n: number, localAddress = '127.0.0.1'): Promise<number | 'closed'> {
  const body = stringifyLikeMeta(
    textWebhook({ wamid: `wamid.conn-${n}`, from: '34600100200', name: 'Cliente', text: `Mensaje ${n}` }),
  );
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/webhooks/whatsapp',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-hub-signature-256': signBody(SECRET, body),
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve('closed'));
    req.end(body);
  });
}

describe('connection limits keep sockets from stopping the store (child server)', () => {
  it('answers 503 above the per-address and total limits, webhooks get 200 or 503, and writes resume when sockets close', async () => {
    const { port } = await server();
    for (let i = 0; i < PER_ADDRESS; i++) await idleSocket(port, '127.0.0.1');

    // One more from the same address: answered 503 at once and closed.
    const extra = await idleSocket(port, '127.0.0.1');
    expect(await extra.closed).toMatch(/^HTTP\/1\.1 503 Service Unavailable[\s\S]*"server_busy"/);
    expect(await postWebhook(port, 1, '127.0.0.1')).toBe(503);

    // Another address still gets in, until the total is reached.
    expect(await postWebhook(port, 2, '127.0.0.2')).toBe(200);
    for (let i = PER_ADDRESS; i < TOTAL; i++) await idleSocket(port, '127.0.0.2');
    const overTotal = await postWebhook(port, 3, '127.0.0.3');
    expect([200, 503]).toContain(overTotal);
    expect(overTotal).toBe(503);

    // The idle sockets go away: writes are taken again (the store never stopped).
    for (const socket of sockets.splice(0)) socket.destroy();
    let status: number | 'closed' = 'closed';
    for (let attempt = 0; attempt < 100 && status !== 200; attempt++) status = await postWebhook(port, 4, '127.0.0.3');
    expect(status).toBe(200);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('closes a socket that sends nothing, and one that sends its headers too slowly', async () => {
    const { port } = await server({ HEADERS_TIMEOUT_SECONDS: '1', REQUEST_TIMEOUT_SECONDS: '2' });
    const silent = await idleSocket(port);
    const slow = await idleSocket(port);
    slow.socket.write('POST /webhooks/whatsapp HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // Both end on the server's initiative (the test's own timeout bounds the wait).
    await silent.closed;
    expect(await slow.closed).toMatch(/^HTTP\/1\.1 408/);
  });
});
