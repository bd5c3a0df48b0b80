import { ManualClock } from '../../../shared/clock.ts';
import { createPlatform } from '../app.ts';
import { TEST_PASSWORD_COST } from '../auth/passwords.ts';
import { type Config, loadConfig } from '../config.ts';
import type { WebAssets } from '../http/web-assets.ts';
import type { ArchiveFiles } from '../platform/archive.ts';
import { type PlatformSchema, platformIndexes, platformSchemas } from '../platform/records.ts';
import { DEMO, seedPlatform, seedSimulator } from '../seed/demo-tenant.ts';
import { type SimulatorSchema, simulatorIndexes, simulatorSchemas } from '../simulator/records.ts';
import { type JournalFiles, memoryJournal } from '../store/journal-files.ts';
import { JournalStore } from '../store/journal-store.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { fixtureWebAssets } from './web-fixture.ts';

const ORIGIN = 'http://platform.test';

/**
 * A whole platform in memory with a manual clock; its outgoing HTTP (Graph calls, webhooks) is
 * routed back into the app, so integration tests need no port.
 */
export async function testPlatform(
  env: Record<string, string> = {},
  files: JournalFiles = memoryJournal(),
  {
    wrapFetch = (next) => next,
    archive,
    web = fixtureWebAssets(),
  }: {
    /** Sits between the platform and its outgoing HTTP (Graph calls, webhooks): to hang, fail or watch it. */
    wrapFetch?: (next: FetchLike) => FetchLike;
    /** The archive's month files (default: new ones in memory); pass the same ones to a restarted platform. */
    archive?: ArchiveFiles;
    /** The browser pages (default: a fixture, no build needed). */
    web?: WebAssets;
  } = {},
) {
  // The tests' platform always runs the simulator, also when GRAPH_BASE_URL points elsewhere
  // (which turns it off by default in production).
  const config: Config = loadConfig({ SIMULATOR: 'on', ...env });
  const clock = new ManualClock();
  const store = await JournalStore.open<PlatformSchema>({
    files,
    indexes: platformIndexes,
    schemas: platformSchemas,
  });
  const simulatorStore = await JournalStore.open<SimulatorSchema>({
    files: memoryJournal(),
    indexes: simulatorIndexes,
    schemas: simulatorSchemas,
  });
  await seedPlatform(store, { passwordCost: TEST_PASSWORD_COST });
  await seedSimulator(simulatorStore);
  const platform = createPlatform({
    passwordCost: TEST_PASSWORD_COST,
    config,
    clock,
    store,
    simulatorStore,
    origin: ORIGIN,
    fetch: wrapFetch(async (url, init) => platform.app.request(url, init)),
    webhookBackoff: [],
    simulatorKey: config.SIMULATOR_KEY,
    archive,
    web,
  });
  // The tests' platform always runs the simulator (SIMULATOR_KEY may be set; `call` sends it).
  const noSimulator = (): never => {
    throw new Error('testPlatform runs the embedded simulator: do not set SIMULATOR=off');
  };
  const simulator = platform.simulator ?? noSimulator();
  const webhooks = platform.webhooks ?? noSimulator();

  async function call(
    method: string,
    path: string,
    { token, body, headers: extra }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...extra };
    if (config.SIMULATOR_KEY && path.startsWith('/simulator')) headers['x-simulator-key'] ??= config.SIMULATOR_KEY;
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await platform.app.request(`${ORIGIN}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    // Routing runs in the background after a change: tests look at offers once it has run.
    await platform.ctx.routing.idle();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    // biome-ignore lint/suspicious/noExplicitAny: test helper, assertions check the shape
    return { status: response.status, body: json as any, headers: response.headers };
  }

  /** A Cloud API call to the simulator (`/graph/v23.0…`) with the configured token. */
  function graph(method: string, path: string, body?: unknown) {
    return call(method, `/graph/v23.0${path}`, {
      token: config.WHATSAPP_TOKEN,
      ...(body !== undefined ? { body } : {}),
    });
  }

  async function login(username: string, password: string): Promise<string> {
    const response = await call('POST', '/api/auth/login', { body: { username, password } });
    if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
    return response.body.token;
  }

  /** The customer writes; resolves once the webhook has been delivered and processed. */
  async function customerSays(
    text: string,
    from = '+34 612 345 678',
    name = 'María García',
    phoneNumberId: string = DEMO.phoneNumberId,
  ) {
    const response = await call('POST', '/simulator/api/messages', {
      body: { phoneNumberId, from, name, text },
    });
    await webhooks.idle();
    await platform.ctx.routing.idle();
    return response;
  }

  /** Reads an event stream (the agent's by default) in the background; `text()` is everything received so far. */
  async function listen(token: string, headers: Record<string, string> = {}, path = '/api/agent/events') {
    const response = await platform.app.request(`${ORIGIN}${path}`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no event stream');
    const decoder = new TextDecoder();
    let received = '';
    const done = (async () => {
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) return;
        received += decoder.decode(value, { stream: true });
      }
    })();
    return {
      text: () => received,
      /** Resolves when the server ends the stream. */
      ended: done,
      /** Resolves once the received text satisfies `ready` (the stream is written asynchronously). */
      async until(ready: (text: string) => boolean, attempts = 200) {
        for (let i = 0; i < attempts && !ready(received); i++) await new Promise((resolve) => setImmediate(resolve));
        if (!ready(received)) throw new Error(`event stream never got there; received:\n${received}`);
      },
      async stop() {
        await reader.cancel();
        await done.catch(() => undefined);
      },
    };
  }

  return {
    ...platform,
    simulator,
    webhooks,
    config,
    clock,
    store,
    simulatorStore,
    call,
    graph,
    login,
    customerSays,
    listen,
  };
}
