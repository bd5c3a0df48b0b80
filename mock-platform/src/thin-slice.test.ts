import { describe, expect, it } from 'vitest';
import { DEMO } from './seed/demo-tenant.ts';
import { testPlatform } from './testing/harness.ts';

describe('one WhatsApp conversation through the platform', () => {
  it('goes from the customer to an agent and back, with delivery statuses', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    expect((await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } })).status).toBe(200);

    const sent = await t.customerSays('Hola, ¿dónde está mi pedido? 📦');
    expect(sent.status).toBe(201);

    const offers = await t.call('GET', '/api/agent/offers', { token: ana });
    expect(offers.body).toEqual([
      expect.objectContaining({
        customerName: 'María García',
        customerNumber: '+34612345678',
        originNumber: DEMO.phoneNumber,
        queueName: DEMO.skillName,
      }),
    ]);

    const accepted = await t.call('POST', `/api/offers/${offers.body[0].id}/accept`, { token: ana });
    expect(accepted.status).toBe(200);
    expect(accepted.body.status).toBe('active');
    const conversationId = accepted.body.id;

    const transcript = await t.call('GET', `/api/conversations/${conversationId}/messages`, { token: ana });
    expect(transcript.body.map((m: { direction: string; text: string }) => [m.direction, m.text])).toEqual([
      ['inbound', 'Hola, ¿dónde está mi pedido? 📦'],
    ]);

    const reply = await t.call('POST', `/api/conversations/${conversationId}/messages`, {
      token: ana,
      body: { text: 'Hola María, ya está en camino.' },
    });
    expect(reply.status).toBe(201);
    // Recorded before it was sent (its own id), then given WhatsApp's id.
    expect(reply.body).toMatchObject({ wamid: expect.stringMatching(/^wamid\./) });
    await t.webhooks.idle();

    const phone = await t.call('GET', `/simulator/api/threads/${DEMO.phoneNumberId}/+34612345678/messages`);
    expect(
      phone.body.map((m: { direction: string; text: string; status?: string }) => [m.direction, m.text, m.status]),
    ).toEqual([
      ['inbound', 'Hola, ¿dónde está mi pedido? 📦', undefined],
      ['outbound', 'Hola María, ya está en camino.', 'delivered'],
    ]);

    const afterDelivery = await t.call('GET', `/api/conversations/${conversationId}/messages`, { token: ana });
    expect(afterDelivery.body[1]).toMatchObject({
      direction: 'outbound',
      status: 'delivered',
      senderName: 'Ana Agent',
    });

    await t.call('POST', `/simulator/api/threads/${DEMO.phoneNumberId}/+34612345678/read`);
    await t.webhooks.idle();
    const afterRead = await t.call('GET', `/api/conversations/${conversationId}/messages`, { token: ana });
    expect(afterRead.body[1].status).toBe('read');
  });

  it('routes to the more proficient available agent and queues when nobody is available', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    await t.customerSays('Anyone there?');
    expect(t.store.where('conversations', 'status', 'queued')).toHaveLength(1);

    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    // Bruno was the only one available when routing ran: the waiting conversation went to him.
    expect((await t.call('GET', '/api/agent/offers', { token: bruno })).body).toHaveLength(1);

    await t.customerSays('Second customer', '+34 600 123 456', 'Pablo');
    // Ana (proficiency 8) beats Bruno (6) for the next one.
    const anaOffers = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    expect(anaOffers.map((o: { customerName: string }) => o.customerName)).toEqual(['Pablo']);

    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'unavailable' } });
    expect((await t.call('GET', '/api/agent/offers', { token: bruno })).body).toEqual([]);
    // Bruno's offer went back to the queue and on to Ana, the only one still available.
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toHaveLength(2);
  });

  it('stores a message delivered twice by Meta only once', async () => {
    const t = await testPlatform();
    await t.customerSays('once');
    const [message] = t.store.all('messages');
    const [conversation] = t.store.all('conversations');
    // Replay the same webhook as Meta would on a retry.
    const { inboundMessageWebhook } = await import('./simulator/webhook-payloads.ts');
    const simMessage = t.simulatorStore.get('messages', message?.id ?? '');
    const phone = t.simulatorStore.get('phoneNumbers', DEMO.phoneNumberId);
    if (!simMessage || !phone) throw new Error('fixture missing');
    t.webhooks.enqueue(inboundMessageWebhook(phone, simMessage));
    await t.webhooks.idle();
    expect(t.store.count('messages')).toBe(1);
    expect(t.store.all('conversations')).toEqual([conversation]);
  });

  it('refuses a reply outside the 24-hour window, and a reply to someone else’s conversation', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });

    const foreign = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: bruno,
      body: { text: 'hi' },
    });
    expect(foreign.status).toBe(404);

    const tooLong = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: ana,
      body: { text: 'x'.repeat(4097) },
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.issues).toEqual([{ path: 'text', message: 'text must be at most 4096 characters' }]);

    t.clock.advance(24 * 60 * 60 * 1000);
    // Sessions last 12 hours: the old token is refused, a new sign-in works.
    const expired = await t.call('GET', '/api/me', { token: ana });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('session_expired');
    const anaAgain = await t.login('ana', 'loro-agent');
    const late = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: anaAgain,
      body: { text: 'sorry' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('window_closed');
    expect(t.store.where('messages', 'conversationId', conversation.id)).toHaveLength(1);
  });
});
