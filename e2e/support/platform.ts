import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_PASSWORD_COST } from '../../mock-platform/src/auth/passwords.ts';
import { loadConfig } from '../../mock-platform/src/config.ts';
import { type RunningServer, startServer } from '../../mock-platform/src/server.ts';
import { type Clock, systemClock } from '../../shared/clock.ts';

/** A real platform on 127.0.0.1 with a random port and a fresh data directory. */
export async function startTestPlatform(clock: Clock = systemClock): Promise<RunningServer & { dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-e2e-'));
  // Every browser here signs in from 127.0.0.1, some under a clock that never moves: the sign-in
  // gate's per-address rate (tested in mock-platform/src/http/sign-in-gate.test.ts) is lifted.
  const server = await startServer(
    loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }),
    clock,
    { passwordCost: TEST_PASSWORD_COST },
    { burstPerAddress: 100_000 },
  );
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in as the demo administrator; resolves with a caller of `/api/admin/{path}` (status and JSON). */
export async function adminApi(platformUrl: string) {
  const login = await fetch(`${platformUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'loro-admin' }),
  });
  const { token } = (await login.json()) as { token: string };
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
