import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock.ts';
import { TEST_PASSWORD_COST } from '../auth/passwords.ts';
import { loadConfig } from '../config.ts';
import { type RunningServer, startServer } from '../server.ts';
import type { SignInGateOptions } from './sign-in-gate.ts';

const running: RunningServer[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/**
 * The real server on a random loopback port, whose held refusals wait for the test to release
 * them (`held()` resolves with the release of the next one), and whose clock only moves when told.
 */
async function server(options: SignInGateOptions) {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-gate-'));
  dirs.push(dataDir);
  const clock = new ManualClock();
  const releases: (() => void)[] = [];
  const waiting: ((release: () => void) => void)[] = [];
  const started = await startServer(
    loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }),
    clock,
    { passwordCost: TEST_PASSWORD_COST },
    {
      ...options,
      schedule: (answer) => {
        const next = waiting.shift();
        if (next) next(answer);
        else releases.push(answer);
      },
    },
  );
  running.push(started);
  const held = () =>
    new Promise<() => void>((resolve) => {
      const release = releases.shift();
      if (release) resolve(release);
      else waiting.push(resolve);
    });
  return { port: Number(new URL(started.url).port), clock, held };
}

interface Answer {
  status: number;
  retryAfter: string | undefined;
  error?: { code: string; message: string };
}

/** A sign-in from `localAddress` (any 127/8 address is loopback on Linux). */
function signIn(port: number, localAddress: string, username: string, password: string): Promise<Answer> {
  const body = JSON.stringify({ username, password });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        localAddress,
        method: 'POST',
        path: '/api/auth/login',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => {
          const json = JSON.parse(text) as { error?: Answer['error'] };
          const retryAfter = response.headers['retry-after'];
          resolve({ status: response.statusCode ?? 0, retryAfter, ...(json.error ? { error: json.error } : {}) });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A sign-in whose headers announce a body that is never sent: what comes back, as raw text. */
async function signInWithoutBody(port: number, localAddress: string) {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  socket.on('error', () => {});
  await once(socket, 'connect');
  socket.write(
    'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n',
  );
  let received = '';
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString();
  });
  return {
    socket,
    received: () => received,
    closed: once(socket, 'close').then(() => received),
  };
}

describe('the sign-in gate, in front of the real server', () => {
  it('refuses an address beyond its burst before reading the body, holds the 429, and lets it in once refilled', async () => {
    const { port, clock, held } = await server({ burstPerAddress: 3, perAddressPerSecond: 1 });
    for (let i = 0; i < 3; i++) {
      expect((await signIn(port, '127.0.0.2', 'ana', `guess-${i}`)).status).toBe(401);
    }
    // The fourth is refused by the gate although its body never arrives: nothing was parsed.
    const withheld = await signInWithoutBody(port, '127.0.0.2');
    const release = await held();
    expect(withheld.received()).toBe('');
    release();
    const raw = await withheld.closed;
    expect(raw).toMatch(/^HTTP\/1\.1 429 /);
    expect(raw).toMatch(/\r\nretry-after: 1\r\n/i);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'too_many_attempts', message: 'Too many sign-ins from your address: try again in 1 s' },
    });

    // Another address is not slowed down by it.
    expect((await signIn(port, '127.0.0.3', 'ana', 'loro-agent')).status).toBe(200);
    // A slowdown, not a lockout: a second later the guessing address may try again.
    clock.advance(1000);
    expect((await signIn(port, '127.0.0.2', 'ana', 'loro-agent')).status).toBe(200);
  });

  it('caps sign-ins in flight, and holds the route’s own refusals too', async () => {
    const { port, held } = await server({ maxInFlight: 1 });
    // One sign-in is in flight while its body has not arrived: the next one is refused, held.
    const stuck = await signInWithoutBody(port, '127.0.0.4');
    const busy = signIn(port, '127.0.0.5', 'ana', 'loro-agent');
    (await held())();
    expect(await busy).toEqual({
      status: 429,
      retryAfter: '1',
      error: { code: 'sign_in_busy', message: 'Too many sign-ins are being checked right now: try again in a moment' },
    });
    // Its place is free again once it is answered.
    stuck.socket.destroy();
    await stuck.closed;
    expect((await signIn(port, '127.0.0.5', 'ana', 'loro-agent')).status).toBe(200);

    // Five wrong passwords for bruno from one address: the route slows the sixth down; its 429 is held too.
    for (let i = 0; i < 5; i++) expect((await signIn(port, '127.0.0.6', 'bruno', `guess-${i}`)).status).toBe(401);
    const slowed = signIn(port, '127.0.0.6', 'bruno', 'loro-agent');
    (await held())();
    expect(await slowed).toMatchObject({ status: 429, retryAfter: '1', error: { code: 'too_many_attempts' } });
  });
});
