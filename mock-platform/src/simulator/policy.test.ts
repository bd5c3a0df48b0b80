import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { PAIR_BURST, tierRefusal } from './policy.ts';
import type { SimPhoneNumber } from './records.ts';

const headers = { authorization: 'Bearer loro-demo-access-token', 'content-type': 'application/json' };
type Harness = Awaited<ReturnType<typeof testPlatform>>;

async function send(t: Harness, body: Record<string, unknown>) {
  const response = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ messaging_product: 'whatsapp', ...body }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}
const text = (to: string, body = 'Hi') => ({ to, type: 'text', text: { body } });
const template = (to: string) => ({
  to,
  type: 'template',
  template: {
    name: 'order_update',
    language: { code: 'en_US' },
    components: [
      {
        type: 'body',
        parameters: [
          { type: 'text', text: 'Ana' },
          { type: 'text', text: 'A-1' },
        ],
      },
    ],
  },
});

describe('Cloud API sending limits (CH-6, CH-8)', () => {
  it('refuses beyond the number’s throughput with 130429 and says when to retry (configurable)', async () => {
    const t = await testPlatform({ SIMULATOR_THROUGHPUT: '5' });
    await t.customerSays('hola', '+34 612 345 678');
    // The customer's message counted too: four more fit in this second.
    for (let i = 0; i < 4; i++) expect((await send(t, text('+34612345678'))).status).toBe(200);
    const refused = await send(t, text('+34612345678'));
    expect([refused.status, refused.body.error.code]).toEqual([429, 130429]);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.body.error.error_data.details).toBe(
      'Throughput limit: this number may send 5 messages per second; retry in 1000 ms',
    );
    t.clock.advance(1000);
    expect((await send(t, text('+34612345678'))).status).toBe(200);
  });

  it('refuses a burst to one customer with 131056 (pair rate limit), not to another customer', async () => {
    const t = await testPlatform({ SIMULATOR_THROUGHPUT: '1000' });
    await t.customerSays('hola', '+34 612 345 678');
    await t.customerSays('hola', '+34 600 111 222');
    for (let i = 0; i < PAIR_BURST; i++) expect((await send(t, text('+34612345678', `n${i}`))).status).toBe(200);
    const refused = await send(t, text('+34612345678'));
    expect([refused.status, refused.body.error.code]).toEqual([400, 131056]);
    // Meta answers the pair rate limit with 400 and no Retry-After.
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(refused.body.error.error_data.details).toMatch(/^Pair rate limit: .*retry in 6 s$/);
    expect((await send(t, text('+34600111222'))).status).toBe(200);
    t.clock.advance(6000);
    expect((await send(t, text('+34612345678'))).status).toBe(200);
  });

  it('starts conversations only with customers who wrote or opted in (its own rule, 139050), never with those who opted out (131050)', async () => {
    const t = await testPlatform();
    const stranger = await send(t, template('+34699000111'));
    expect([stranger.body.error.code, stranger.body.error.message, stranger.body.error.error_data.details]).toEqual([
      139050,
      '(#139050) No consent (a rule of the Loro simulator, not of Meta)',
      'This simulator’s consent rule (not Meta’s): the customer never wrote to this number and has not opted in',
    ]);
    await t.call('POST', '/simulator/api/consent', {
      body: { phoneNumberId: DEMO.phoneNumberId, from: '+34 699 000 111', optIn: true },
    });
    expect((await send(t, template('+34699000111'))).status).toBe(200);

    await t.customerSays('hola', '+34 612 345 678');
    t.clock.advance(25 * 60 * 60_000);
    expect((await send(t, template('+34612345678'))).status).toBe(200);
    await t.call('POST', '/simulator/api/consent', {
      body: { phoneNumberId: DEMO.phoneNumberId, from: '+34 612 345 678', optIn: false },
    });
    const optedOut = await send(t, template('+34612345678'));
    expect(optedOut.body.error.code).toBe(131050);
    expect(optedOut.body.error.error_data.details).toBe(
      'The customer opted out of messages from this number: they must opt in again',
    );
  });

  it('counts customers reached outside their window per moving 24 h against the tier; a flagged number gets a lower one', async () => {
    const now = Date.UTC(2026, 10, 21, 12);
    const phone = { messagingLimitTier: 'TIER_250', status: 'CONNECTED' } as SimPhoneNumber;
    const reached = new Map(
      Array.from({ length: 250 }, (_, i) => [`3460000${String(i).padStart(4, '0')}`, now - i * 60_000]),
    );
    expect(tierRefusal(reached, '34600000000', now, phone)).toBeUndefined(); // already reached: no new slot
    expect(tierRefusal(reached, '34699999999', now, phone)?.details).toBe(
      'Messaging limit reached: TIER_250 allows 250 customers outside their service window per 24 hours; the next slot frees at 2026-11-22T07:51:00.000Z',
    );
    // 24 hours after the oldest, its slot is free again.
    expect(tierRefusal(reached, '34699999999', now - 249 * 60_000 + 24 * 60 * 60_000 + 1, phone)).toBeUndefined();

    const t = await testPlatform();
    const flagged = await t.call('POST', `/simulator/api/numbers/${DEMO.phoneNumberId}/quality`, {
      body: { rating: 'RED', flagged: true },
    });
    expect(flagged.body).toMatchObject({ status: 'FLAGGED', messagingLimitTier: 'TIER_250', qualityRating: 'RED' });
  });
});
