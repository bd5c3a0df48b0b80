import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const template = { name: 'order_update', language: 'en_US', parameters: ['Lucía', 'A-2001'] };

describe('an agent starts a WhatsApp conversation with a template (BY-2, CH-6)', () => {
  it('starts it with a customer who opted in; WhatsApp refuses one who did not, and nothing is created', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    expect((await t.call('GET', '/api/channels', { token: ana })).body).toEqual([
      { id: DEMO.channelId, name: 'Demo WhatsApp', phoneNumber: DEMO.phoneNumber },
    ]);
    const templates = (await t.call('GET', `/api/channels/${DEMO.channelId}/templates`, { token: ana })).body;
    expect(templates.map((tpl: { name: string }) => tpl.name)).toContain('order_update');

    const start = (to: string) =>
      t.call('POST', '/api/outbound', { token: ana, body: { channelId: DEMO.channelId, to, template } });
    const stranger = await start('+34 699 000 111');
    expect([stranger.status, stranger.body.error.code]).toEqual([409, 'whatsapp_refused']);
    expect(stranger.body.error.message).toBe(
      'WhatsApp refused the template (139050): (#139050) No consent (a rule of the Loro simulator, not of Meta): This simulator’s consent rule (not Meta’s): the customer never wrote to this number and has not opted in',
    );
    expect(t.store.where('conversations', 'customerWaId', '34699000111')).toEqual([]);

    await t.call('POST', '/simulator/api/consent', {
      body: { phoneNumberId: DEMO.phoneNumberId, from: '+34 699 000 111', optIn: true },
    });
    const started = await start('+34 699 000 111');
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({
      status: 'active',
      agentId: DEMO.users.ana.id,
      customerNumber: '+34699000111',
    });
    expect(started.body.windowClosesAt).toBeUndefined();
    const transcript = (await t.call('GET', `/api/conversations/${started.body.id}/messages`, { token: ana })).body;
    expect(transcript).toEqual([
      expect.objectContaining({ direction: 'outbound', text: 'Hello Lucía, your order A-2001 has shipped.' }),
    ]);

    const again = await start('+34 699 000 111');
    expect([again.status, again.body.error.code]).toEqual([409, 'conversation_exists']);
    const invalid = await start('12');
    expect(invalid.body.error.issues[0].path).toBe('to');
    // When the customer answers, the window opens and free-form replies are allowed.
    await t.customerSays('¡Gracias!', '+34 699 000 111', 'Lucía');
    const reply = await t.call('POST', `/api/conversations/${started.body.id}/messages`, {
      token: ana,
      body: { text: 'De nada' },
    });
    expect(reply.status).toBe(201);
  });

  it('needs the Send templates permission on the channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: { name: 'Agents', channels: { [DEMO.channelId]: ['reply', 'end'] } },
    });
    expect((await t.call('GET', '/api/channels', { token: ana })).body).toEqual([]);
    const refused = await t.call('POST', '/api/outbound', {
      token: ana,
      body: { channelId: DEMO.channelId, to: '+34 612 345 678', template },
    });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'permission_denied']);
  });
});
