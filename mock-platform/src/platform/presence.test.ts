import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock.ts';
import { testPlatform } from '../testing/harness.ts';
import { Presence } from './presence.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

const available = (t: Harness, token: string) =>
  t.call('PUT', '/api/agent/state', { token, body: { state: 'available' } });
const offersOf = async (t: Harness, token: string) =>
  (await t.call('GET', '/api/agent/offers', { token })).body as { id: string; conversationId: string }[];
const statusOf = async (t: Harness, token: string) => (await t.call('GET', '/api/me', { token })).body.status;

describe('presence follows the agent’s connection (issue 13)', () => {
  it('makes an agent whose stream is gone Unavailable ("disconnected") after the grace, offers back without RONA', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    const anaPanel = await t.listen(ana);
    const brunoPanel = await t.listen(bruno);
    await available(t, ana);
    await t.customerSays('hola');
    const [offer] = await offersOf(t, ana);
    expect(offer).toBeDefined();

    // Ana closes her panel: within the grace period nothing changes (a reload reconnects).
    await anaPanel.stop();
    t.clock.advance(19_999);
    await t.sweep();
    expect((await statusOf(t, ana)).state).toBe('available');
    expect(await offersOf(t, ana)).toHaveLength(1);

    await available(t, bruno);
    t.clock.advance(1);
    await t.sweep();
    const status = await statusOf(t, ana);
    expect(status).toMatchObject({ state: 'unavailable', since: t.clock.now() });
    expect(status.reason).toMatchObject({ id: 'disconnected', name: 'Disconnected', nameEs: 'Desconectado' });
    expect(await offersOf(t, ana)).toEqual([]);
    // Revoked, not expired: no RONA, and the conversation went on to Bruno.
    expect(t.store.get('offers', offer?.id ?? '')?.status).toBe('revoked');
    expect((await offersOf(t, bruno)).map((o) => o.conversationId)).toEqual([offer?.conversationId]);

    // Later offers never go to Ana.
    await t.customerSays('otro cliente', '+34 612 000 111', 'Otro');
    expect(await offersOf(t, ana)).toEqual([]);
    await brunoPanel.stop();
  });

  it('keeps the agent while one of her streams is still open, and a reconnect within the grace keeps her', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const first = await t.listen(ana);
    const second = await t.listen(ana);
    await available(t, ana);
    await first.stop();
    t.clock.advance(60_000);
    await t.sweep();
    expect((await statusOf(t, ana)).state).toBe('available');

    await second.stop();
    t.clock.advance(15_000);
    await t.sweep();
    const again = await t.listen(ana);
    t.clock.advance(60_000);
    await t.sweep();
    expect((await statusOf(t, ana)).state).toBe('available');
    await again.stop();
  });

  it('follows the grace period of the tenant settings', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    expect((await t.call('GET', '/api/admin/settings', { token: admin })).body.disconnectGraceSeconds).toBe(20);
    const bad = await t.call('PUT', '/api/admin/settings', { token: admin, body: { disconnectGraceSeconds: 2 } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('disconnectGraceSeconds');
    const saved = await t.call('PUT', '/api/admin/settings', { token: admin, body: { disconnectGraceSeconds: 90 } });
    expect(saved.body.disconnectGraceSeconds).toBe(90);

    const ana = await t.login('ana', 'loro-agent');
    const panel = await t.listen(ana);
    await available(t, ana);
    await panel.stop();
    t.clock.advance(89_000);
    await t.sweep();
    expect((await statusOf(t, ana)).state).toBe('available');
    t.clock.advance(1_000);
    await t.sweep();
    expect((await statusOf(t, ana)).reason?.id).toBe('disconnected');
  });

  it('makes an agent who signs out Unavailable at once and routes her offer to someone else', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    const panel = await t.listen(ana);
    await available(t, ana);
    await t.customerSays('hola');
    const [offer] = await offersOf(t, ana);
    expect(offer).toBeDefined();
    await available(t, bruno);
    expect(await offersOf(t, bruno)).toEqual([]);

    expect((await t.call('POST', '/api/auth/logout', { token: ana })).status).toBe(200);
    await panel.stop();
    expect((await offersOf(t, bruno)).map((o) => o.conversationId)).toEqual([offer?.conversationId]);
    expect(t.store.get('offers', offer?.id ?? '')?.status).toBe('revoked');
    const again = await t.login('ana', 'loro-agent');
    expect(await statusOf(t, again)).toMatchObject({
      state: 'unavailable',
      reason: { id: 'signed-out', name: 'Signed out', nameEs: 'Sesión cerrada', system: true },
    });
    expect(await offersOf(t, again)).toEqual([]);
  });

  it('does not judge an agent who never opened a stream since she went Available (an API client)', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    await available(t, ana);
    t.clock.advance(60_000);
    await t.sweep();
    expect((await statusOf(t, ana)).state).toBe('available');
  });
});

describe('Presence', () => {
  it('counts an agent who was working before a restart as gone since the start until a stream opens', () => {
    const clock = new ManualClock(1_000_000);
    const presence = new Presence(clock);
    const before = { id: 'ana', state: 'available' as const, since: 999_000 };
    expect(presence.goneSince(before)).toBe(1_000_000);
    const after = { id: 'bruno', state: 'available' as const, since: 1_000_000 };
    expect(presence.goneSince(after)).toBeUndefined();

    const close = presence.opened('ana');
    expect(presence.goneSince(before)).toBeUndefined();
    clock.advance(5_000);
    close();
    close(); // closing twice counts once
    expect(presence.goneSince(before)).toBe(1_005_000);
  });
});
