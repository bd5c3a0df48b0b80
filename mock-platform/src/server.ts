import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getRequestListener, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import type { Clock } from '../../shared/clock.ts';
import { WEB_OUTPUT_DIR } from '../web/entries.ts';
import { createPlatform, type Platform } from './app.ts';
import { passwordPool } from './auth/password-pool.ts';
import { type Config, isLoopbackHost } from './config.ts';
import { guardConnections } from './http/connection-guard.ts';
import { ListenError } from './http/listen-error.ts';
import { type SignInGateOptions, signInGate } from './http/sign-in-gate.ts';
import { builtWebAssets, WebAssetsMissing } from './http/web-assets.ts';
import { directoryArchive } from './platform/archive.ts';
import { type PlatformSchema, platformIndexes, platformSchemas } from './platform/records.ts';
import { type SeedOptions, seedPlatform, seedSimulator } from './seed/demo-tenant.ts';
import { type SimulatorSchema, simulatorIndexes, simulatorSchemas } from './simulator/records.ts';
import { directoryJournal } from './store/journal-files.ts';
import { JournalStore } from './store/journal-store.ts';

const SWEEP_INTERVAL_MS = 1_000;
/** Where `npm run build` puts the browser pages (`mock-platform/web/vite.config.ts`). */
const WEB_DIR = join(import.meta.dirname, '..', '..', WEB_OUTPUT_DIR);

export interface RunningServer {
  url: string;
  platform: Platform;
  /** What `/simulator/*` requires, if anything (printed at start-up). */
  simulatorKey: string | undefined;
  close(): Promise<void>;
}

/**
 * The simulator key: SIMULATOR_KEY when set; otherwise none on a loopback HOST (only this machine
 * reaches the simulator), and a fresh random one on any other HOST, so that nobody on the network
 * can play a customer and forge a correctly signed webhook into a live channel.
 */
export function simulatorKeyFor(config: Config): string | undefined {
  if (config.SIMULATOR === 'off') return undefined;
  if (config.SIMULATOR_KEY) return config.SIMULATOR_KEY;
  return isLoopbackHost(config.HOST) ? undefined : randomBytes(18).toString('base64url');
}

/**
 * Opens the stores under DATA_DIR, seeds the demo tenant, and listens. The socket is bound
 * before the platform is built so that with PORT=0 the platform knows its real address.
 */
export async function startServer(
  config: Config,
  clock: Clock,
  seed: SeedOptions = {},
  signIns: SignInGateOptions = {},
): Promise<RunningServer> {
  const warn = (message: string) => console.warn(`[store] ${message}`);
  const store = await JournalStore.open<PlatformSchema>({
    files: directoryJournal(join(config.DATA_DIR, 'platform')),
    onWarning: warn,
    indexes: platformIndexes,
    schemas: platformSchemas,
  });
  // SIMULATOR=off: the simulator's data directory is not even opened.
  const simulatorStore =
    config.SIMULATOR === 'on'
      ? await JournalStore.open<SimulatorSchema>({
          files: directoryJournal(join(config.DATA_DIR, 'simulator')),
          onWarning: warn,
          indexes: simulatorIndexes,
          schemas: simulatorSchemas,
        })
      : undefined;
  await seedPlatform(store, seed);
  if (simulatorStore) await seedSimulator(simulatorStore);
  const simulatorKey = simulatorKeyFor(config);

  const server = createServer({ connectionsCheckingInterval: 1_000 });
  // Idle or slow sockets, and more of them than the limits, must not use up the file descriptors
  // the store needs.
  const guard = guardConnections(server, {
    maxConnections: config.MAX_CONNECTIONS,
    maxPerAddress: config.MAX_CONNECTIONS_PER_ADDRESS,
    headersTimeoutMs: config.HEADERS_TIMEOUT_SECONDS * 1000,
    requestTimeoutMs: config.REQUEST_TIMEOUT_SECONDS * 1000,
    keepAliveTimeoutMs: 5_000,
  });
  try {
    await listen(server, config.PORT, config.HOST);
  } catch (error) {
    // Let go of the data directory: the next start (on a free port) must not find it locked.
    await Promise.all([store.close(), simulatorStore?.close()]);
    throw new ListenError(config.HOST, config.PORT, error as NodeJS.ErrnoException);
  }
  const { port } = server.address() as AddressInfo;
  const host = config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  const url = `http://${host}:${port}`;
  const web = builtWebAssets(WEB_DIR);
  // Started without `npm run build` (`tsx mock-platform/src/main.ts` on a fresh clone): say so now;
  // the pages answer 503 with the same words until the build is there (read again when it changes).
  await web.entry('admin').catch((error: unknown) => {
    if (!(error instanceof WebAssetsMissing)) throw error;
    console.warn(`[web] ${error.message}`);
  });
  const platform = createPlatform({
    config,
    clock,
    store,
    simulatorStore,
    simulatorKey,
    origin: url,
    archive: directoryArchive(join(config.DATA_DIR, 'archive')),
    web,
    // The cost the demo users were seeded with (tests pass a cheap one); else the real one.
    ...(seed.passwordCost !== undefined ? { passwordCost: seed.passwordCost } : {}),
  });
  const interrupted = await platform.recovered;
  if (interrupted > 0) {
    console.warn(`[platform] ${interrupted} replies were cut off by the last stop: shown as "may not have been sent"`);
  }
  // A flood of sign-ins is refused before its bodies are parsed, and slowly, so that it cannot
  // keep hundreds of requests ahead of every webhook on this one event loop (BENCHMARKS.md).
  const gate = signInGate(clock, {
    burstPerAddress: config.SIGN_IN_BURST_PER_ADDRESS,
    perAddressPerSecond: config.SIGN_INS_PER_SECOND_PER_ADDRESS,
    maxInFlight: passwordPool.size + passwordPool.maxWaiting,
    ...signIns,
  });
  const handle = getRequestListener(gate.wrap<HttpBindings | Http2Bindings>(platform.app.fetch));
  server.on('request', (request, response) => {
    if (guard.refused(request.socket)) response.destroy();
    else if (!gate.refused(request, response)) void handle(request, response);
  });
  // Timers (offer expiry → RONA, customer response) are applied from stored state every second.
  const timers = setInterval(() => {
    platform.sweep().catch((error: unknown) => console.error('[platform] timer sweep failed:', error));
  }, SWEEP_INTERVAL_MS);

  return {
    url,
    platform,
    simulatorKey,
    async close() {
      clearInterval(timers);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await platform.webhooks?.idle();
      await Promise.all([store.close(), simulatorStore?.close()]);
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
