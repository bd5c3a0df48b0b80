import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('rich messages from the agent’s composer (TP-3)', () => {
  it('lists the channel’s rich messages, sends one as WhatsApp interactive, and the customer’s choice comes back', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const create = (body: unknown) => t.call('POST', '/api/admin/rich-messages', { token: admin, body });
    const { body: quick } = await create({
      name: 'Refund or exchange',
      channelIds: [DEMO.channelId],
      content: { kind: 'quick_replies', text: '¿Reembolso o cambio?', options: ['Reembolso', 'Cambio'] },
    });
    const { body: elsewhere } = await create({
      name: 'Other channel only',
      channelIds: [],
      content: { kind: 'rich_link', title: 'Track', url: 'https://loro.example/track' },
    });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('El pedido llegó roto');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });

    const listed = (await t.call('GET', `/api/conversations/${conversation.id}/rich-messages`, { token: ana })).body;
    expect(listed).toEqual([
      {
        id: quick.id,
        name: 'Refund or exchange',
        kind: 'quick_replies',
        preview: '¿Reembolso o cambio?\n[Reembolso] [Cambio]',
      },
    ]);
    const sent = await t.call('POST', `/api/conversations/${conversation.id}/rich-message`, {
      token: ana,
      body: { richMessageId: quick.id },
    });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ direction: 'outbound', text: '¿Reembolso o cambio?\n[Reembolso] [Cambio]' });
    const unassigned = await t.call('POST', `/api/conversations/${conversation.id}/rich-message`, {
      token: ana,
      body: { richMessageId: elsewhere.id },
    });
    expect(unassigned.status).toBe(404);

    // On the customer's phone: reply buttons; tapping one answers.
    await t.webhooks.idle();
    const onPhone = t.simulatorStore.get('messages', sent.body.wamid);
    expect(onPhone).toMatchObject({ type: 'interactive' });
    await t.call('POST', '/simulator/api/messages', {
      body: {
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        choice: { messageId: sent.body.wamid, optionId: 'option_2' },
      },
    });
    await t.webhooks.idle();
    const transcript = (await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token: ana })).body;
    expect(transcript.at(-1)).toMatchObject({ direction: 'inbound', text: 'Cambio' });

    // Without Reply, neither the list nor the sending is allowed.
    await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: { name: 'Agents', channels: { [DEMO.channelId]: ['end'] } },
    });
    expect((await t.call('GET', `/api/conversations/${conversation.id}/rich-messages`, { token: ana })).status).toBe(
      403,
    );
  });
});
