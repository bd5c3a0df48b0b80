import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import { archivedMessages, archiveEnded, directoryArchive } from './archive.ts';

const DAY = 24 * 60 * 60_000;

/** Two conversations for Ana: María's ended (wrap-up done), Pablo's ended too but still owing nothing; Luis's live. */
async function workingDay() {
  const t = await testPlatform();
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  const serve = async (text: string, from: string, name: string, end: boolean) => {
    await t.customerSays(text, from, name);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: ana,
      body: { text: `Hola ${name}` },
    });
    if (end) {
      await t.call('POST', `/api/conversations/${conversation.id}/end`, {
        token: ana,
        body: { closureReasonId: 'closure_resolved' },
      });
    }
    return conversation.id as string;
  };
  const maria = await serve('¿Dónde está mi pedido?', '+34 612 345 678', 'María García', true);
  t.clock.advance(60_000);
  const pablo = await serve('Necesito una factura', '+34 600 123 456', 'Pablo Ruiz', true);
  const luis = await serve('Sigo aquí', '+34 611 222 333', 'Luis Gómez', false);
  return { t, ana, maria, pablo, luis };
}

describe('archive of conversations ended long ago (bounded memory)', () => {
  it('moves their messages out of memory after ARCHIVE_AFTER_DAYS, with the same history and SLA report as before', async () => {
    const { t, maria, pablo, luis } = await workingDay();
    const before = t.store.count('messages');
    // Six days on, nothing is old enough.
    t.clock.advance(6 * DAY);
    expect(await t.archive()).toBe(0);
    t.clock.advance(2 * DAY);
    // Sessions last 12 hours: sign in again, eight days later; what they see before archiving.
    const ana = await t.login('ana', 'loro-agent');
    const admin = await t.login('admin', 'loro-admin');
    const history = (await t.call('GET', '/api/history', { token: ana })).body;
    const reportPath = `/api/admin/sla-report?from=0&to=${t.clock.now() + 1}`;
    const report = (await t.call('GET', reportPath, { token: admin })).body;

    expect(await t.archive()).toBe(2);
    expect(await t.archive()).toBe(0);

    expect(t.store.where('messages', 'conversationId', maria)).toEqual([]);
    expect(t.store.where('messages', 'conversationId', pablo)).toEqual([]);
    expect(t.store.where('messages', 'conversationId', luis).length).toBeGreaterThan(0);
    expect(t.store.count('messages')).toBeLessThan(before);
    expect(t.store.get('conversations', maria)?.archivedIn).toMatch(/^\d{4}-\d{2}$/);

    expect((await t.call('GET', '/api/history', { token: ana })).body).toEqual(history);
    expect(history[0].lastMessage).toBe('Hola Pablo Ruiz');
    expect((await t.call('GET', reportPath, { token: admin })).body).toEqual(report);
    // The live conversation is untouched.
    expect((await t.call('GET', `/api/conversations/${luis}/messages`, { token: ana })).status).toBe(200);
  });

  it('writes month files that a restarted platform reads back; a pass cut short is done again', async () => {
    const { t, maria } = await workingDay();
    const messages = t.store.where('messages', 'conversationId', maria);
    // DATA_DIR/archive, which nothing has made yet.
    const dir = join(await mkdtemp(join(tmpdir(), 'loro-archive-')), 'archive');
    t.clock.advance(8 * DAY);
    expect(await archiveEnded(t.ctx, directoryArchive(dir), 7)).toBe(2);
    expect(await readdir(dir)).toEqual([expect.stringMatching(/^\d{4}-\d{2}\.json$/)]);
    const conversation = t.store.get('conversations', maria);
    if (!conversation) throw new Error('María’s conversation is gone');
    // A fresh reader, as after a restart.
    expect(await archivedMessages(t.ctx, directoryArchive(dir), conversation)).toEqual(messages);
  });
});
