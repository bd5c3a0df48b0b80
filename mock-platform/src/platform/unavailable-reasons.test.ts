import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('unavailable reasons (issue 13)', () => {
  it('lets the agent go Unavailable with an administrator’s reason, shown with its since in the API', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const reasons = (await t.call('GET', '/api/unavailable-reasons', { token: ana })).body;
    expect(reasons).toEqual(
      expect.arrayContaining([
        { id: 'reason_break', name: 'Break', nameEs: 'Descanso' },
        { id: 'reason_lunch', name: 'Lunch', nameEs: 'Comida' },
        { id: 'reason_training', name: 'Training', nameEs: 'Formación' },
      ]),
    );
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    t.clock.advance(5_000);
    const lunch = await t.call('PUT', '/api/agent/state', {
      token: ana,
      body: { state: 'unavailable', reasonId: 'reason_lunch' },
    });
    expect(lunch.status).toBe(200);
    expect(lunch.body).toEqual({
      state: 'unavailable',
      since: t.clock.now(),
      reason: { id: 'reason_lunch', name: 'Lunch', nameEs: 'Comida' },
    });
    t.clock.advance(60_000);
    const me = (await t.call('GET', '/api/me', { token: ana })).body.status;
    expect(me.reason.id).toBe('reason_lunch');
    expect(t.clock.now() - me.since).toBe(60_000);

    // A customer writing now is not offered to her.
    await t.customerSays('hola');
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toEqual([]);

    // Back to Available: the reason goes.
    const back = await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    expect(back.body).toEqual({ state: 'available', since: t.clock.now() });
  });

  it('refuses a reason that is not one, a system one, or one with Available, naming reasonId', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    for (const body of [
      { state: 'unavailable', reasonId: 'reason_nope' },
      { state: 'unavailable', reasonId: 'disconnected' },
      { state: 'available', reasonId: 'reason_break' },
    ]) {
      const response = await t.call('PUT', '/api/agent/state', { token: ana, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.issues[0].path).toBe('reasonId');
    }
    expect(t.store.get('agentStatus', DEMO.users.ana.id)).toBeUndefined();
  });

  it('shows a renamed reason at once, and none once it is deleted', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const panel = await t.listen(ana);
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'unavailable', reasonId: 'reason_break' } });
    const current = (await t.call('GET', '/api/admin/unavailable-reasons/reason_break', { token: admin })).body;
    const renamed = await t.call('PUT', '/api/admin/unavailable-reasons/reason_break', {
      token: admin,
      body: { name: 'Coffee break', nameEs: 'Pausa para el café' },
      headers: { 'if-match': `"${current.version}"` },
    });
    expect(renamed.status).toBe(200);
    await panel.until((text) => text.includes('Pausa para el café'));
    expect((await t.call('GET', '/api/me', { token: ana })).body.status.reason.name).toBe('Coffee break');

    const listed = await t.call('GET', '/api/admin/unavailable-reasons?q=cafe', { token: admin });
    expect(listed.body.map((r: { id: string }) => r.id)).toEqual(['reason_break']);

    expect((await t.call('DELETE', '/api/admin/unavailable-reasons/reason_break', { token: admin })).status).toBe(200);
    const status = (await t.call('GET', '/api/me', { token: ana })).body.status;
    expect(status.state).toBe('unavailable');
    expect(status.reason).toBeUndefined();
    await panel.stop();
  });
});
