import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

async function serve(t: Harness, token: string, text: string) {
  await t.call('PUT', '/api/agent/state', { token, body: { state: 'available' } });
  await t.customerSays(text);
  const [offer] = (await t.call('GET', '/api/agent/offers', { token })).body;
  const { body } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token });
  return body.id as string;
}

const end = (t: Harness, token: string, id: string, note?: string) =>
  t.call('POST', `/api/conversations/${id}/end`, {
    token,
    body: { closureReasonId: 'closure_resolved', ...(note ? { note } : {}) },
  });

describe('customer context (issue 16, item 4)', () => {
  it('shows the customer, their consent, preferred agent, tags and past conversations', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const first = await serve(t, ana, 'Where is my order?');
    await end(t, ana, first, 'Sent the tracking link');
    const second = await serve(t, ana, 'It arrived broken');

    const { status, body } = await t.call('GET', `/api/conversations/${second}/customer`, { token: ana });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      name: 'María García',
      number: '+34612345678',
      country: 'ES',
      optIn: 'wrote',
      preferredAgent: 'Ana Agent',
      tags: [],
    });
    expect(body.previous).toEqual([
      expect.objectContaining({
        conversationId: first,
        closureReason: expect.any(String),
        note: 'Sent the tracking link',
        agentName: 'Ana Agent',
      }),
    ]);

    const past = await t.call('GET', `/api/past-conversations/${first}`, { token: ana });
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({ conversationId: first, note: 'Sent the tracking link' });
    expect(past.body.messages.map((m: { text: string }) => m.text)).toEqual(['Where is my order?']);
  });

  it('tags: added and removed by an agent serving the customer, validated, at most 20', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    const id = await serve(t, ana, 'Hola');
    const tag = (token: string, value: unknown) =>
      t.call('POST', `/api/conversations/${id}/customer/tags`, { token, body: { tag: value } });

    expect((await tag(ana, '  VIP   cliente ')).body.tags).toEqual(['VIP cliente']);
    expect((await tag(ana, 'vip cliente')).body.tags).toEqual(['VIP cliente']);
    expect((await tag(ana, 'reclamación')).body.tags).toEqual(['VIP cliente', 'reclamación']);
    const personal = await tag(ana, 'tel 612345678');
    expect(personal.status).toBe(400);
    expect(personal.body.error.issues[0]).toMatchObject({ path: 'tag' });
    expect((await tag(ana, 'a@b')).status).toBe(400);
    // Only an agent with the conversation: others get 404 (as for any conversation they may not see).
    expect((await tag(bruno, 'intruso')).status).toBe(404);
    expect((await t.call('GET', `/api/conversations/${id}/customer`, { token: bruno })).status).toBe(404);
    expect((await t.call('DELETE', `/api/conversations/${id}/customer/tags/vip`, { token: bruno })).status).toBe(404);

    const removed = await t.call(
      'DELETE',
      `/api/conversations/${id}/customer/tags/${encodeURIComponent('VIP CLIENTE')}`,
      {
        token: ana,
      },
    );
    expect(removed.body.tags).toEqual(['reclamación']);
    expect(t.store.get('customers', '34612345678')?.tags).toEqual(['reclamación']);

    const customer = t.store.get('customers', '34612345678');
    if (!customer) throw new Error('no customer');
    await t.store.commit([put('customers', { ...customer, tags: Array.from({ length: 20 }, (_, i) => `t${i}x`) })]);
    expect((await tag(ana, 'one more')).status).toBe(400);

    await end(t, ana, id);
    expect((await tag(ana, 'after')).status).toBe(409);
  });

  it('past conversations: only those the agent took part in, or of the customer she serves on a channel she works', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    const first = await serve(t, bruno, 'First time');
    await end(t, bruno, first, 'Solved');
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'unavailable' } });

    // Ana serves no conversation of this customer yet: Bruno's is not hers to read.
    expect((await t.call('GET', `/api/past-conversations/${first}`, { token: ana })).status).toBe(404);
    const second = await serve(t, ana, 'Second time');
    const view = (await t.call('GET', `/api/conversations/${second}/customer`, { token: ana })).body;
    expect(view.previous.map((p: { conversationId: string }) => p.conversationId)).toEqual([first]);
    expect((await t.call('GET', `/api/past-conversations/${first}`, { token: ana })).status).toBe(200);
    // An active conversation is not a past one, and unknown ids are not found.
    expect((await t.call('GET', `/api/past-conversations/${second}`, { token: ana })).status).toBe(404);
    expect((await t.call('GET', '/api/past-conversations/nope', { token: ana })).status).toBe(404);
    const admin = await t.login('admin', 'loro-admin');
    expect((await t.call('GET', `/api/past-conversations/${first}`, { token: admin })).status).toBe(403);

    // Once Ana's conversation ends she keeps hers (her history), not Bruno's.
    await end(t, ana, second);
    expect((await t.call('GET', `/api/past-conversations/${second}`, { token: ana })).status).toBe(200);
    expect((await t.call('GET', `/api/past-conversations/${first}`, { token: ana })).status).toBe(404);
    expect((await t.call('GET', `/api/past-conversations/${first}`, { token: bruno })).status).toBe(200);
  });

  it('consent: a message refused for consent (131050) shows as refused until the customer writes again', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const id = await serve(t, ana, 'Hola');
    const [inbound] = t.store.where('messages', 'conversationId', id);
    if (!inbound) throw new Error('no message');
    t.clock.advance(1000);
    await t.store.commit([
      put('messages', {
        ...inbound,
        id: 'out_refused',
        direction: 'outbound',
        timestamp: t.clock.now(),
        status: 'failed',
        errorCode: 131050,
      }),
    ]);
    const customer = () => t.call('GET', `/api/conversations/${id}/customer`, { token: ana });
    expect((await customer()).body.optIn).toBe('refused');
    t.clock.advance(1000);
    await t.customerSays('Sí, escríbanme');
    expect((await customer()).body.optIn).toBe('wrote');
  });
});
