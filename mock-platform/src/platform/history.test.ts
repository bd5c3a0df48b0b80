import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('the agent’s interaction history', () => {
  it('lists finished conversations newest first with their closure reasons, searchable, masked when masking is on', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });

    // María: Ana ends it. Pablo: Ana transfers it to Bruno and wraps up.
    await t.customerSays('my email is melissa@gmail.com', '+34 612 345 678', 'María García');
    let [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: maria } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    await t.call('POST', `/api/conversations/${maria.id}/end`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved', note: 'Sent the invoice' },
    });
    t.clock.advance(60_000);
    await t.customerSays('hola', '+34 600 123 456', 'Pablo Ruiz');
    [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: pablo } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const { body: owed } = await t.call('POST', `/api/conversations/${pablo.id}/transfer`, {
      token: ana,
      body: { target: { type: 'agent', agentId: DEMO.users.bruno.id } },
    });
    t.clock.advance(60_000);
    await t.call('POST', `/api/wrap-ups/${owed.id}`, { token: ana, body: { closureReasonId: 'closure_info' } });

    const history = (await t.call('GET', '/api/history', { token: ana })).body;
    expect(
      history.map((h: { customerName: string; reason: string; closureReason: string }) => [
        h.customerName,
        h.reason,
        h.closureReason,
      ]),
    ).toEqual([
      ['Pablo Ruiz', 'transfer', 'Information given · Información proporcionada'],
      ['María García', 'end', 'Resolved · Resuelto'],
    ]);
    expect(history[1]).toMatchObject({
      note: 'Sent the invoice',
      lastMessage: 'my email is melissa@gmail.com',
      customerNumber: '+34612345678',
    });
    expect((await t.call('GET', '/api/history?search=invoice', { token: ana })).body).toHaveLength(1);
    expect((await t.call('GET', '/api/history', { token: bruno })).body).toEqual([]);

    const admin = await t.login('admin', 'loro-admin');
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    const masked = (await t.call('GET', '/api/history', { token: ana })).body;
    expect(masked[1]).toMatchObject({ lastMessage: 'my email is m******@gmail.com', customerNumber: '********5678' });
  });
});
