import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { type PlatformSchema, platformIndexes, platformSchemas } from '../platform/records.ts';
import { startChildServer } from '../testing/child-server.ts';
import { textWebhook } from '../testing/webhooks.ts';
import { signBody } from '../whatsapp/signature.ts';
import { directoryJournal } from './journal-files.ts';
import { JournalStore } from './journal-store.ts';

const SECRET = 'crash-test-app-secret';
const startServer = (dataDir: string) => startChildServer({ DATA_DIR: dataDir, WHATSAPP_APP_SECRET: SECRET });

function webhook(n: number): { id: string; body: string } {
  const id = `wamid.crash-${n}`;
  const from = `3460010${String(n % 10_000).padStart(4, '0')}`;
  return {
    id,
    body: stringifyLikeMeta(textWebhook({ wamid: id, from, name: `Cliente ${n}`, text: `Mensaje nº ${n} ✓` })),
  };
}

describe('crash safety', () => {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
  });

  it('keeps every acknowledged webhook and no damaged file after SIGKILL during sustained ingest', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'loro-crash-'));
    const first = await startServer(dataDir);
    children.push(first.child);

    // Sustained ingest from several concurrent senders, bounded in count and time (loopback only).
    const acknowledged: string[] = [];
    let next = 0;
    let stop = false;
    // Generous deadline: on a loaded shared machine ingest is slow; the kill comes as soon as 300 are in.
    const deadline = Date.now() + 20_000;
    const sender = async () => {
      while (!stop && next < 5_000 && Date.now() < deadline) {
        const { id, body } = webhook(next++);
        try {
          const response = await fetch(`${first.url}/webhooks/whatsapp`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(SECRET, body) },
            body,
          });
          if (response.status === 200) acknowledged.push(id);
        } catch {
          // The server died mid-request: that webhook was not acknowledged.
        }
      }
    };
    const senders = Array.from({ length: 8 }, sender);
    while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((resolve) => setImmediate(resolve));
    const exited = once(first.child, 'exit');
    first.child.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(senders);
    expect(acknowledged.length).toBeGreaterThanOrEqual(100);

    // The journal and snapshot still load (a torn last line is dropped), and every acknowledged message is there.
    const store = await JournalStore.open<PlatformSchema>({
      files: directoryJournal(join(dataDir, 'platform')),
      indexes: platformIndexes,
      schemas: platformSchemas,
    });
    const missing = acknowledged.filter((id) => !store.get('messages', id));
    expect(missing).toEqual([]);
    await store.close();

    // And the platform starts again on that data.
    const second = await startServer(dataDir);
    children.push(second.child);
    expect((await fetch(`${second.url}/healthz`)).status).toBe(200);
    // While it runs, nothing else may open its data directory.
    await expect(
      JournalStore.open<PlatformSchema>({ files: directoryJournal(join(dataDir, 'platform')) }),
    ).rejects.toThrow(/platform is in use by another Loro process \(pid \d+@/);
    second.child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);
});
