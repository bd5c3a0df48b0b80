import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PASSWORD_COST } from '../../mock-platform/src/auth/passwords.ts';
import { loadConfig } from '../../mock-platform/src/config.ts';
import { type RunningServer, startServer } from '../../mock-platform/src/server.ts';
import { type Clock, systemClock } from '../../shared/clock.ts';

export interface TestPlatform extends RunningServer {
  dataDir: string;
  /** Stops the server and keeps its data directory: a restart is `start()` (a platform outage). */
  stop(): Promise<void>;
  /** Starts it again on the same address with the same data, after `stop()`. */
  start(): Promise<void>;
}

/**
 * A real platform on 127.0.0.1 with a random port and a fresh data directory (the demo tenant,
 * with test-cost password hashing). `close()` stops it and deletes the data.
 */
export async function startTestPlatform(clock: Clock = systemClock): Promise<TestPlatform> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-e2e-'));
  // Every browser here signs in from 127.0.0.1, some under a clock that never moves: the sign-in
  // gate's per-address rate (tested in mock-platform/src/http/sign-in-gate.test.ts) is lifted.
  const listen = (port: string) =>
    startServer(
      loadConfig({ PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir }),
      clock,
      { passwordCost: TEST_PASSWORD_COST },
      { burstPerAddress: 100_000 },
    );
  let server: RunningServer | undefined = await listen('0');
  const port = new URL(server.url).port;
  const running = () => {
    if (!server) throw new Error('the test platform is stopped');
    return server;
  };
  const stop = async () => {
    await server?.close();
    server = undefined;
  };
  return {
    dataDir,
    // Getters: after a restart they read the new server (same url, a new platform instance).
    get url() {
      return running().url;
    },
    get platform() {
      return running().platform;
    },
    get simulatorKey() {
      return running().simulatorKey;
    },
    stop,
    async start() {
      server ??= await listen(port);
    },
    async close() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs `username` in over the API (as the panel or the admin UI would): resolves with the session token. */
export async function loginToken(platformUrl: string, username: string, password: string): Promise<string> {
  const login = await fetch(`${platformUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`${username} could not sign in: ${login.status} ${await login.text()}`);
  return ((await login.json()) as { token: string }).token;
}

/** Signs in as the demo administrator; resolves with a caller of `/api/admin/{path}` (status and JSON). */
export async function adminApi(platformUrl: string) {
  const token = await loginToken(platformUrl, 'admin', 'loro-admin');
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${platformUrl}/api/admin/${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
    return { status: response.status, body: (await response.json()) as any };
  };
}
