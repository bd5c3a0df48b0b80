import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

async function agents(t: Harness) {
  const ana = await t.login('ana', 'loro-agent');
  const bruno = await t.login('bruno', 'loro-agent');
  return { ana, bruno };
}

const available = (t: Harness, token: string) =>
  t.call('PUT', '/api/agent/state', { token, body: { state: 'available' } });
const offersOf = async (t: Harness, token: string) =>
  (await t.call('GET', '/api/agent/offers', { token })).body as {
    id: string;
    conversationId: string;
    customerName: string;
    expiresAt: number;
    canReject: boolean;
  }[];
const stateOf = async (t: Harness, token: string) =>
  (await t.call('GET', '/api/me', { token })).body.status.state as string;

async function setSkill(t: Harness, changes: Record<string, unknown>) {
  const skill = t.store.get('skills', DEMO.skillId);
  if (!skill) throw new Error('no demo skill');
  await t.store.commit([put('skills', { ...skill, ...changes })]);
}

describe('offer timeout and RONA (RT-8, AG-1)', () => {
  it('puts an agent who does not accept in time in RONA and routes the contact to another agent', async () => {
    const t = await testPlatform();
    const { ana, bruno } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, ana);
    expect(offer?.expiresAt).toBe(t.clock.now() + 30_000);

    t.clock.advance(29_999);
    await t.sweep();
    expect(await offersOf(t, ana)).toHaveLength(1);
    expect(await stateOf(t, ana)).toBe('available');

    await available(t, bruno);
    t.clock.advance(1);
    await t.sweep();
    expect(await stateOf(t, ana)).toBe('rona');
    expect(await offersOf(t, ana)).toEqual([]);
    expect((await offersOf(t, bruno)).map((o) => o.conversationId)).toEqual([offer?.conversationId]);
    expect((await t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana })).status).toBe(409);
  });

  it('keeps the agent in RONA until they leave it themselves', async () => {
    const t = await testPlatform();
    const { ana } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    t.clock.advance(30_000);
    await t.sweep();
    t.clock.advance(60 * 60_000);
    await t.sweep();
    await t.customerSays('anyone?', '+34 600 123 456', 'Pablo');
    expect(await stateOf(t, ana)).toBe('rona');
    expect(await offersOf(t, ana)).toEqual([]);

    await available(t, ana);
    expect(await stateOf(t, ana)).toBe('available');
    // Both waiting conversations come to her now, oldest first.
    expect((await offersOf(t, ana)).map((o) => o.customerName)).toEqual(['María García', 'Pablo']);
  });

  it('uses the skill’s own agent response time', async () => {
    const t = await testPlatform();
    await setSkill(t, { agentResponseSeconds: 10 });
    const { ana } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    t.clock.advance(10_000);
    await t.sweep();
    expect(await stateOf(t, ana)).toBe('rona');
  });
});

describe('reject (RT-7)', () => {
  it('sends a rejected offer to another agent and not back to the one who rejected it', async () => {
    const t = await testPlatform();
    const { ana, bruno } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, ana);
    expect(offer?.canReject).toBe(true);
    expect((await t.call('POST', `/api/offers/${offer?.id}/reject`, { token: ana })).status).toBe(200);
    expect(await offersOf(t, ana)).toEqual([]);
    expect(t.store.where('conversations', 'status', 'queued')).toHaveLength(1);

    await available(t, bruno);
    expect((await offersOf(t, bruno)).map((o) => o.conversationId)).toEqual([offer?.conversationId]);
    expect(await stateOf(t, ana)).toBe('available');
  });

  it('offers a conversation rejected by the only available agent to her again once the cooldown passes', async () => {
    const t = await testPlatform();
    const { ana } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, ana);
    await t.call('POST', `/api/offers/${offer?.id}/reject`, { token: ana });
    // Not straight back: she has just said no.
    await t.customerSays('anyone there?');
    t.clock.advance(59_999);
    await t.sweep();
    expect(await offersOf(t, ana)).toEqual([]);

    t.clock.advance(1);
    await t.sweep();
    expect((await offersOf(t, ana)).map((o) => o.conversationId)).toEqual([offer?.conversationId]);
  });

  it('offers it again after the cooldown when every agent who could take it rejected it', async () => {
    const t = await testPlatform();
    const { ana, bruno } = await agents(t);
    await available(t, ana);
    await available(t, bruno);
    await t.customerSays('hello');
    const [first] = await offersOf(t, ana);
    await t.call('POST', `/api/offers/${first?.id}/reject`, { token: ana });
    const [second] = await offersOf(t, bruno);
    expect(second?.conversationId).toBe(first?.conversationId);
    t.clock.advance(1_000);
    await t.call('POST', `/api/offers/${second?.id}/reject`, { token: bruno });
    expect(t.store.where('conversations', 'status', 'queued')).toHaveLength(1);

    // Ana's cooldown ends first: it comes back to her, not to Bruno who is still in his.
    t.clock.advance(59_000);
    await t.sweep();
    expect((await offersOf(t, ana)).map((o) => o.conversationId)).toEqual([first?.conversationId]);
    expect(await offersOf(t, bruno)).toEqual([]);
  });

  it('uses the skill’s own rejection cooldown', async () => {
    const t = await testPlatform();
    await setSkill(t, { rejectCooldownSeconds: 10 });
    const { ana } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, ana);
    await t.call('POST', `/api/offers/${offer?.id}/reject`, { token: ana });
    t.clock.advance(10_000);
    await t.sweep();
    expect(await offersOf(t, ana)).toHaveLength(1);
  });

  it('refuses to reject where the queue does not allow it', async () => {
    const t = await testPlatform();
    await setSkill(t, { acceptReject: false });
    const { ana } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, ana);
    expect(offer?.canReject).toBe(false);
    const refused = await t.call('POST', `/api/offers/${offer?.id}/reject`, { token: ana });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('reject_not_allowed');
    expect(await offersOf(t, ana)).toHaveLength(1);
  });
});

describe('customer response timer (RT-8)', () => {
  async function activeConversation(t: Harness, token: string) {
    await available(t, token);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, token);
    return (await t.call('POST', `/api/offers/${offer?.id}/accept`, { token })).body.id as string;
  }

  it('unassigns a conversation whose customer does not answer in time', async () => {
    const t = await testPlatform();
    await setSkill(t, { customerResponseMinutes: 10 });
    const { ana } = await agents(t);
    const id = await activeConversation(t, ana);
    // No timer while the agent has not written.
    t.clock.advance(60 * 60_000);
    await t.sweep();
    expect(t.store.get('conversations', id)?.status).toBe('active');

    await t.call('POST', `/api/conversations/${id}/messages`, { token: ana, body: { text: 'Are you there?' } });
    t.clock.advance(10 * 60_000 - 1);
    await t.sweep();
    expect(t.store.get('conversations', id)?.status).toBe('active');
    t.clock.advance(1);
    await t.sweep();
    expect(t.store.get('conversations', id)).toMatchObject({ status: 'ended', endedBy: 'customer_timeout' });
    expect((await t.call('GET', '/api/conversations', { token: ana })).body).toEqual([]);
    expect(t.store.where('messages', 'conversationId', id).some((m) => m.direction === 'system')).toBe(true);
  });

  it('starts again when the customer answers', async () => {
    const t = await testPlatform();
    await setSkill(t, { customerResponseMinutes: 10 });
    const { ana } = await agents(t);
    const id = await activeConversation(t, ana);
    await t.call('POST', `/api/conversations/${id}/messages`, { token: ana, body: { text: 'Which order?' } });
    t.clock.advance(9 * 60_000);
    await t.customerSays('A-1042');
    t.clock.advance(9 * 60_000);
    await t.sweep();
    expect(t.store.get('conversations', id)?.status).toBe('active');
  });
});

describe('end with a closure reason (AG-10)', () => {
  it('records the wrap-up, frees the agent, and refuses an unknown reason or a second end', async () => {
    const t = await testPlatform();
    const { ana } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, ana);
    const { body: conversation } = await t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana });

    const reasons = (await t.call('GET', '/api/closure-reasons', { token: ana })).body;
    expect(reasons.map((r: { id: string }) => r.id).sort()).toEqual(DEMO.closureReasons.map((r) => r.id).sort());

    const missing = await t.call('POST', `/api/conversations/${conversation.id}/end`, { token: ana, body: {} });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('closureReasonId');
    const unknown = await t.call('POST', `/api/conversations/${conversation.id}/end`, {
      token: ana,
      body: { closureReasonId: 'nope' },
    });
    expect(unknown.status).toBe(400);

    const ended = await t.call('POST', `/api/conversations/${conversation.id}/end`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved', note: 'Shipped today' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    expect(t.store.get('conversations', conversation.id)).toMatchObject({
      closureReasonId: 'closure_resolved',
      wrapUpNote: 'Shipped today',
      endedBy: 'agent',
    });
    expect((await t.call('GET', '/api/conversations', { token: ana })).body).toEqual([]);
    const again = await t.call('POST', `/api/conversations/${conversation.id}/end`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved' },
    });
    expect(again.status).toBe(409);

    // The customer writing again starts a new conversation.
    await t.customerSays('one more thing');
    expect(t.store.where('conversations', 'customerWaId', '34612345678')).toHaveLength(2);
  });
});

describe('under concurrency', () => {
  it('lets exactly one of two simultaneous accepts of an offer win', async () => {
    const t = await testPlatform();
    const { ana, bruno } = await agents(t);
    await available(t, ana);
    await t.customerSays('hello');
    const [offer] = await offersOf(t, ana);
    const [first, second, foreign] = await Promise.all([
      t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana }),
      t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana }),
      t.call('POST', `/api/offers/${offer?.id}/accept`, { token: bruno }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect([first, second].find((r) => r.status === 409)?.body.error.message).toMatch(/can no longer be accepted/);
    expect(foreign.status).toBe(404);
  });

  it('loses no contact of a burst and never offers one twice', async () => {
    const t = await testPlatform();
    const { ana, bruno } = await agents(t);
    await Promise.all([available(t, ana), available(t, bruno)]);
    const customers = Array.from(
      { length: 24 },
      (_, i) => `+34 600 ${String(100_000 + i).slice(0, 3)} ${String(100_000 + i).slice(3)}`,
    );
    await Promise.all(
      customers.map((from, i) =>
        t.call('POST', '/simulator/api/messages', {
          body: { phoneNumberId: DEMO.phoneNumberId, from, name: `C${i}`, text: 'hi' },
        }),
      ),
    );
    await t.webhooks.idle();
    expect(t.store.count('conversations')).toBe(24);

    const handled = new Set<string>();
    for (let round = 0; round < 20 && handled.size < 24; round++) {
      for (const token of [ana, bruno]) {
        const offers = await offersOf(t, token);
        expect(offers.length).toBeLessThanOrEqual(3); // capacity
        for (const offer of offers) {
          const accepted = await t.call('POST', `/api/offers/${offer.id}/accept`, { token });
          expect(accepted.status).toBe(200);
          expect(handled.has(offer.conversationId)).toBe(false);
          handled.add(offer.conversationId);
          await t.call('POST', `/api/conversations/${offer.conversationId}/end`, {
            token,
            body: { closureReasonId: 'closure_resolved' },
          });
        }
      }
    }
    expect(handled.size).toBe(24);
    for (const conversation of t.store.all('conversations')) {
      const offers = t.store.where('offers', 'conversationId', conversation.id);
      expect(offers.filter((o) => o.status === 'accepted')).toHaveLength(1);
    }
  });
});
