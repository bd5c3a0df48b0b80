import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type PlatformSchema, platformIndexes, platformSchemas, put } from '../mock-platform/src/platform/records.ts';
import { directoryJournal } from '../mock-platform/src/store/journal-files.ts';
import { JournalStore } from '../mock-platform/src/store/journal-store.ts';
import { startChildServer } from '../mock-platform/src/testing/child-server.ts';

export interface StartupResult {
  name: string;
  messages: number;
  /** From spawning the server process to /healthz answering 200. */
  toHealthyMs: number;
}

async function fill(dataDir: string, messages: number): Promise<void> {
  const store = await JournalStore.open<PlatformSchema>({
    files: directoryJournal(join(dataDir, 'platform')),
    indexes: platformIndexes,
    schemas: platformSchemas,
  });
  for (let i = 0; i < messages; i += 1_000) {
    const batch = [];
    for (let j = i; j < Math.min(messages, i + 1_000); j++) {
      batch.push(
        put('messages', {
          id: `wamid.start-${j}`,
          conversationId: `conv_${j % 500}`,
          direction: 'inbound',
          type: 'text',
          text: `Mensaje ${j}`,
          timestamp: j,
        }),
      );
    }
    await store.commit(batch);
  }
  await store.close();
}

async function timeStart(name: string, messages: number): Promise<StartupResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-bench-start-'));
  if (messages > 0) await fill(dataDir, messages);
  const start = performance.now();
  const server = await startChildServer({ DATA_DIR: dataDir });
  const health = await fetch(`${server.url}/healthz`);
  const toHealthyMs = performance.now() - start;
  if (health.status !== 200) throw new Error(`healthz answered ${health.status}`);
  server.child.kill('SIGTERM');
  await new Promise((resolve) => server.child.once('exit', resolve));
  await rm(dataDir, { recursive: true, force: true });
  return { name, messages, toHealthyMs };
}

/** The server (as `npm start` runs it, extension build aside) until /healthz answers. */
export async function benchStartup(largeMessages = 100_000): Promise<StartupResult[]> {
  return [
    await timeStart('start-up: empty data directory (seeds the demo tenant)', 0),
    await timeStart('start-up: large data directory', largeMessages),
  ];
}
