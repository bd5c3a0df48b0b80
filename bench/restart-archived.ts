import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPlatform } from '../mock-platform/src/app.ts';
import { TEST_PASSWORD_COST } from '../mock-platform/src/auth/passwords.ts';
import { loadConfig } from '../mock-platform/src/config.ts';
import { directoryArchive } from '../mock-platform/src/platform/archive.ts';
import {
  type Conversation,
  type Message,
  type PlatformSchema,
  platformIndexes,
  platformSchemas,
  put,
} from '../mock-platform/src/platform/records.ts';
import { DEMO, seedPlatform, seedSimulator } from '../mock-platform/src/seed/demo-tenant.ts';
import { type SimulatorSchema, simulatorIndexes, simulatorSchemas } from '../mock-platform/src/simulator/records.ts';
import { directoryJournal } from '../mock-platform/src/store/journal-files.ts';
import { JournalStore } from '../mock-platform/src/store/journal-store.ts';
import { startChildServer } from '../mock-platform/src/testing/child-server.ts';
import { fixtureWebAssets } from '../mock-platform/src/testing/web-fixture.ts';
import { ManualClock } from '../shared/clock.ts';

const DAY = 24 * 60 * 60_000;
/** Messages per conversation: a support conversation of a few exchanges. */
const PER_CONVERSATION = 20;

export interface RestartArchivedResult {
  messages: number;
  /** Of which still in memory (the newest); the rest are in archive month files. */
  live: number;
  conversations: number;
  /** Building the data directory: rows written through the store, then the archive passes. */
  fillSeconds: number;
  archiveSeconds: number;
  archivePasses: number;
  /** From spawning the server to /healthz answering 200, with that data directory. */
  toHealthyMs: number;
  /** The same with an empty data directory (seeds the demo tenant), in the same run. */
  emptyToHealthyMs: number;
  /** The server process's heap in use after a full GC, a few seconds after start-up, and its RSS. */
  heapMiB: number;
  rssMiB: number;
  emptyHeapMiB: number;
}

/**
 * Writes `messages` messages in conversations of 20, all ended, through the real store (in
 * commits of 10,000 rows), then runs the real archive passes (`platform.archive()`, what the
 * hourly sweep does) until nothing is due: every conversation that ended more than
 * ARCHIVE_AFTER_DAYS (7) ago moves to its month file. The newest `live` messages belong to
 * conversations that ended in the last two days and stay in memory. Timestamps are laid out
 * backwards from now, so the server started on the directory afterwards (system clock) agrees on
 * what is archived.
 */
async function build(dataDir: string, messages: number, live: number) {
  const now = Date.now();
  const clock = new ManualClock(now);
  const platformStore = await JournalStore.open<PlatformSchema>({
    files: directoryJournal(join(dataDir, 'platform')),
    indexes: platformIndexes,
    schemas: platformSchemas,
  });
  const simulatorStore = await JournalStore.open<SimulatorSchema>({
    files: directoryJournal(join(dataDir, 'simulator')),
    indexes: simulatorIndexes,
    schemas: simulatorSchemas,
  });
  await seedPlatform(platformStore, { passwordCost: TEST_PASSWORD_COST });
  await seedSimulator(simulatorStore);

  const started = performance.now();
  const conversations = Math.ceil(messages / PER_CONVERSATION);
  const liveConversations = Math.ceil(live / PER_CONVERSATION);
  let batch: ReturnType<typeof put>[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await platformStore.commit(batch as never);
    batch = [];
  };
  for (let c = 0; c < conversations; c++) {
    const recent = c >= conversations - liveConversations;
    // Archived ones ended from a year ago up to 8 days ago; live ones in the last two days.
    const endedAt = recent
      ? now - 2 * DAY + ((c - (conversations - liveConversations)) / liveConversations) * (2 * DAY - 60_000)
      : now - 365 * DAY + (c / (conversations - liveConversations)) * (357 * DAY);
    const createdAt = endedAt - 30 * 60_000;
    const id = `conv_bench_${c}`;
    const customer = `3460100${String(c % 20_000).padStart(5, '0')}`;
    const conversation: Conversation = {
      id,
      channelId: DEMO.channelId,
      customerWaId: customer,
      customerName: `Cliente ${c % 20_000}`,
      skillId: DEMO.skillId,
      status: 'ended',
      priority: 0,
      createdAt,
      queuedAt: createdAt,
      lastInboundAt: endedAt - 60_000,
      firstResponseAt: createdAt + 30_000,
      agentId: DEMO.users.ana.id,
      endedAt,
      endedBy: 'agent',
      closureReasonId: 'closure_resolved',
    };
    batch.push(put('conversations', conversation));
    for (let m = 0; m < PER_CONVERSATION && c * PER_CONVERSATION + m < messages; m++) {
      const inbound = m % 2 === 0;
      const message: Message = {
        id: `wamid.bench-${c}-${m}`,
        conversationId: id,
        direction: inbound ? 'inbound' : 'outbound',
        type: 'text',
        text: inbound ? `Hola, ¿dónde está mi pedido ${c}-${m}?` : `Su pedido ${c}-${m} sale hoy.`,
        timestamp: createdAt + m * 60_000,
        ...(inbound ? {} : { status: 'read' as const, agentId: DEMO.users.ana.id }),
      };
      batch.push(put('messages', message));
    }
    if (batch.length >= 10_000) await flush();
  }
  await flush();
  const fillSeconds = (performance.now() - started) / 1000;

  const platform = createPlatform({
    config: loadConfig({ DATA_DIR: dataDir, PORT: '0' }),
    clock,
    store: platformStore,
    simulatorStore,
    origin: 'http://127.0.0.1:9',
    archive: directoryArchive(join(dataDir, 'archive')),
    // No page is served while the data is built.
    web: fixtureWebAssets(),
  });
  await platform.recovered;
  const archiving = performance.now();
  let archivePasses = 0;
  while ((await platform.archive()) > 0) archivePasses++;
  const archiveSeconds = (performance.now() - archiving) / 1000;
  await platform.webhooks?.idle();
  await Promise.all([platformStore.close(), simulatorStore.close()]);
  return { conversations, fillSeconds, archiveSeconds, archivePasses };
}

/** Starts the real server on the directory; time to /healthz, then its heap after a full GC. */
async function start(dataDir: string) {
  const begun = performance.now();
  const server = await startChildServer({
    DATA_DIR: dataDir,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${join(import.meta.dirname, 'heap-probe.mjs')}`.trim(),
  });
  const health = await fetch(`${server.url}/healthz`);
  const toHealthyMs = performance.now() - begun;
  if (health.status !== 200) throw new Error(`healthz answered ${health.status}`);
  // The first timer sweep (and its archive pass) has run by then.
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  let output = '';
  const probed = new Promise<{ heapUsed: number; rss: number }>((resolve) => {
    server.child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = /heap-probe (\{.*\})/.exec(output)?.[1];
      if (line) resolve(JSON.parse(line));
    });
  });
  server.child.kill('SIGUSR2');
  const memory = await probed;
  server.child.kill('SIGTERM');
  await once(server.child, 'exit');
  return { toHealthyMs, heapMiB: memory.heapUsed / 2 ** 20, rssMiB: memory.rss / 2 ** 20 };
}

/** Issue 14: restart with 1 M messages stored, all but the last 50,000 archived. */
export async function benchRestartArchived(messages = 1_000_000, live = 50_000): Promise<RestartArchivedResult> {
  const emptyDir = await mkdtemp(join(tmpdir(), 'loro-bench-restart-empty-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-bench-restart-'));
  try {
    const empty = await start(emptyDir);
    const built = await build(dataDir, messages, live);
    const restarted = await start(dataDir);
    return {
      messages,
      live,
      conversations: built.conversations,
      fillSeconds: built.fillSeconds,
      archiveSeconds: built.archiveSeconds,
      archivePasses: built.archivePasses,
      toHealthyMs: restarted.toHealthyMs,
      emptyToHealthyMs: empty.toHealthyMs,
      heapMiB: restarted.heapMiB,
      rssMiB: restarted.rssMiB,
      emptyHeapMiB: empty.heapMiB,
    };
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    await benchRestartArchived(
      Number(process.env.BENCH_RESTART_MESSAGES ?? 1_000_000),
      Number(process.env.BENCH_RESTART_LIVE ?? 50_000),
    ),
  );
}
