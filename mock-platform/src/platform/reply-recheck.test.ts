import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { put } from './records.ts';

type Platform = Awaited<ReturnType<typeof testPlatform>>;

const isSend = (url: string, init?: RequestInit) =>
  url.includes('/graph/') &&
  url.endsWith('/messages') &&
  init?.method === 'POST' &&
  !String(init.body).includes('"status":"read"');

/** Ana, Available, with María's conversation accepted. */
async function activeConversation(t: Platform) {
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('Hola, ¿y mi pedido?');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  return { ana, conversationId: conversation.id as string };
}

/** Ends the conversation behind the agent's back (as a supervisor's close would). */
async function endBehindHerBack(t: Platform, conversationId: string) {
  const conversation = t.store.get('conversations', conversationId);
  if (!conversation) throw new Error('no conversation');
  await t.store.commit([put('conversations', { ...conversation, status: 'ended', endedAt: t.clock.now() })]);
}

describe('a reply decides again inside its mutations (issue 14)', () => {
  it('is refused, and nothing is sent, when the conversation ended while it waited for the lock', async () => {
    let sends = 0;
    const t = await testPlatform({}, undefined, {
      wrapFetch: (next: FetchLike) => (url, init) => {
        if (isSend(url, init)) sends += 1;
        return next(url, init);
      },
    });
    const { ana, conversationId } = await activeConversation(t);
    let release: () => void = () => undefined;
    const held = t.ctx.serial.run(() => new Promise<void>((resolve) => (release = resolve)));
    const reply = t.call('POST', `/api/conversations/${conversationId}/messages`, {
      token: ana,
      body: { text: '¿Sigue ahí?' },
    });
    // The request passed its first check and now waits for the lock; meanwhile the conversation ends.
    await new Promise((resolve) => setImmediate(resolve));
    await endBehindHerBack(t, conversationId);
    release();
    await held;

    const answer = await reply;
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('conversation_not_active');
    expect(sends).toBe(0);
    expect(t.store.where('messages', 'conversationId', conversationId).map((m) => m.direction)).toEqual(['inbound']);
  });

  it('keeps its wamid but leaves the clocks of a conversation that ended while WhatsApp was answering', async () => {
    let t: Platform | undefined;
    let conversationId = '';
    t = await testPlatform({}, undefined, {
      wrapFetch: (next: FetchLike) => async (url, init) => {
        const answer = await next(url, init);
        if (t && isSend(url, init)) await endBehindHerBack(t, conversationId);
        return answer;
      },
    });
    const active = await activeConversation(t);
    conversationId = active.conversationId;

    const reply = await t.call('POST', `/api/conversations/${conversationId}/messages`, {
      token: active.ana,
      body: { text: 'Su pedido sale hoy' },
    });

    expect(reply.status).toBe(201);
    expect(reply.body.wamid).toMatch(/^wamid\./);
    const conversation = t.store.get('conversations', conversationId);
    expect(conversation?.status).toBe('ended');
    expect(conversation?.awaitingCustomerSince).toBeUndefined();
    expect(conversation?.firstResponseAt).toBeUndefined();
  });
});
