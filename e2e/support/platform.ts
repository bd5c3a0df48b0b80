import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../mock-platform/src/config.ts';
import { type RunningServer, startServer } from '../../mock-platform/src/server.ts';
import { type Clock, systemClock } from '../../shared/clock.ts';

/** A real platform on 127.0.0.1 with a random port and a fresh data directory. */
export async function startTestPlatform(clock: Clock = systemClock): Promise<RunningServer & { dataDir: string }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-e2e-'));
  const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), clock);
  return {
    ...server,
    dataDir,
    async close() {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
