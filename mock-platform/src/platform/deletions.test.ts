import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('a resource deleted by an administrator (AG-4)', () => {
  it('interrupts active conversations: alert, no replies, only End; waiting ones end; new messages are ignored', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: active } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    await t.customerSays('still waiting', '+34 600 123 456', 'Pablo');
    const stream = await t.listen(ana);

    expect((await t.call('DELETE', `/api/admin/channels/${DEMO.channelId}`, { token: ana })).status).toBe(403);
    expect((await t.call('DELETE', `/api/admin/channels/${DEMO.channelId}`, { token: admin })).status).toBe(200);
    expect((await t.call('DELETE', `/api/admin/channels/${DEMO.channelId}`, { token: admin })).status).toBe(404);

    const view = (await t.call('GET', `/api/conversations/${active.id}`, { token: ana })).body;
    expect(view.interrupted).toBe('The WhatsApp channel Demo WhatsApp (+16145551234) was deleted by an administrator');
    expect(view.permissions).toEqual(['end']);
    await stream.until((text) => text.includes('"interrupted"'));
    await stream.stop();

    const refused = await t.call('POST', `/api/conversations/${active.id}/messages`, {
      token: ana,
      body: { text: 'hi' },
    });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'conversation_interrupted']);
    const transfer = await t.call('POST', `/api/conversations/${active.id}/transfer`, {
      token: ana,
      body: { target: { type: 'queue', skillId: DEMO.billingSkillId } },
    });
    expect(transfer.status).toBe(409);
    expect(
      (
        await t.call('POST', `/api/conversations/${active.id}/end`, {
          token: ana,
          body: { closureReasonId: 'closure_info' },
        })
      ).status,
    ).toBe(200);

    // Pablo's conversation was waiting (offered to nobody yet? Ana had room): it ended.
    const pablo = t.store.where('conversations', 'customerWaId', '34600123456')[0];
    expect(pablo).toMatchObject({ status: 'ended', endedBy: 'interrupted' });
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toEqual([]);

    // A late webhook for the deleted channel stores nothing.
    const before = t.store.count('messages');
    await t.customerSays('anyone?');
    expect(t.store.count('messages')).toBe(before);
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    expect((await t.call('GET', '/api/agent/offers', { token: bruno })).body).toEqual([]);
  });
});
