import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';

describe('replying well (issue 16): reply-to and the typing indicator', () => {
  it('quotes the customer’s message with WhatsApp context, and throttles the typing indicator', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('¿Dónde está mi pedido?');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const [question] = (await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token: ana })).body;

    const typing = () => t.call('POST', `/api/conversations/${conversation.id}/typing`, { token: ana });
    expect((await typing()).body).toEqual({ sent: true });
    const thread = t.simulatorStore.get('messages', question.id)?.thread as string;
    expect(t.simulator.typingUntil(thread)).toBe(t.clock.now() + 25_000);
    t.clock.advance(5_000);
    expect((await typing()).body).toEqual({ sent: false });

    const sent = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: ana,
      body: { text: 'Llega mañana', replyToMessageId: question.id },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.replyTo).toEqual({ id: question.id, direction: 'inbound', text: '¿Dónde está mi pedido?' });
    const onPhone = t.simulatorStore.get('messages', sent.body.wamid);
    expect(onPhone?.replyTo).toBe(question.id);
    // The reply ends "typing…", and the next keystroke may show it again at once.
    expect(t.simulator.typingUntil(thread)).toBeUndefined();
    expect((await typing()).body).toEqual({ sent: true });

    const refused = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: ana,
      body: { text: 'x', replyToMessageId: 'wamid.nope' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0].path).toBe('replyToMessageId');
  });
});
