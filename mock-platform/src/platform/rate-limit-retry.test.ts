import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';

type Platform = Awaited<ReturnType<typeof testPlatform>>;

const isSend = (url: string, init?: RequestInit) =>
  url.includes('/messages') && init?.method === 'POST' && !String(init.body).includes('"status":"read"');

/** WhatsApp answers the next `times` sends with 130429 (with `Retry-After` when given). */
function rateLimited(state: { times: number; retryAfter?: string }) {
  return (next: FetchLike): FetchLike =>
    async (url, init) => {
      if (!isSend(url, init) || state.times <= 0) return next(url, init);
      state.times -= 1;
      return new Response(
        JSON.stringify({
          error: { message: '(#130429) Rate limit hit', type: 'OAuthException', code: 130429, fbtrace_id: 'x' },
        }),
        {
          status: 429,
          headers: {
            'content-type': 'application/json',
            ...(state.retryAfter ? { 'retry-after': state.retryAfter } : {}),
          },
        },
      );
    };
}

async function reply(t: Platform) {
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('Hola, ¿y mi pedido?');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  const sent = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
    token: ana,
    body: { text: 'Ya sale' },
  });
  const outbound = () =>
    t.store.where('messages', 'conversationId', conversation.id).filter((m) => m.direction === 'outbound');
  return { sent, outbound };
}

const onPhone = (t: Platform) =>
  t.simulatorStore.all('messages').filter((m) => m.direction === 'outbound' && m.text === 'Ya sale');

describe('the outbox honours WhatsApp’s rate limits', () => {
  it('sends a reply refused with 130429 again, once, when Retry-After has passed', async () => {
    const t = await testPlatform({}, undefined, { wrapFetch: rateLimited({ times: 1, retryAfter: '2' }) });
    const { sent, outbound } = await reply(t);
    expect([sent.status, sent.body.error.code]).toEqual([502, 'whatsapp_refused']);
    expect(outbound()).toEqual([
      expect.objectContaining({ status: 'failed', errorCode: 130429, retryAt: t.clock.now() + 2000 }),
    ]);

    t.clock.advance(1000);
    await t.sweep();
    expect(outbound()).toHaveLength(1);
    t.clock.advance(1000);
    await t.sweep();
    const [refused, again] = outbound().sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    expect(refused?.retriedAs).toBe(again?.id);
    expect(again).toMatchObject({ autoRetry: true, text: 'Ya sale' });
    expect(again?.status).not.toBe('failed');
    expect(onPhone(t)).toHaveLength(1);
    await t.sweep();
    expect(outbound()).toHaveLength(2);
  });

  it('waits the limit’s usual time without Retry-After, and leaves a second refusal to the agent', async () => {
    const t = await testPlatform({}, undefined, { wrapFetch: rateLimited({ times: 2 }) });
    const { outbound } = await reply(t);
    expect(outbound()[0]?.retryAt).toBe(t.clock.now() + 1000);
    t.clock.advance(1000);
    await t.sweep();
    const again = outbound().find((m) => m.autoRetry);
    expect(again).toMatchObject({ status: 'failed', errorCode: 130429 });
    expect(again?.retryAt).toBeUndefined();
    t.clock.advance(60_000);
    await t.sweep();
    expect(outbound()).toHaveLength(2);
    expect(onPhone(t)).toHaveLength(0);
  });
});
