import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

/** Ana holds an active conversation with María; Bruno is signed in (available when asked). */
async function anaInConversation(t: Harness, { brunoAvailable = true } = {}) {
  const ana = await t.login('ana', 'loro-agent');
  const bruno = await t.login('bruno', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('I need help with my bill');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  if (brunoAvailable) await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
  return { ana, bruno, conversationId: conversation.id as string };
}

const offersOf = async (t: Harness, token: string) =>
  (await t.call('GET', '/api/agent/offers', { token })).body as { id: string; conversationId: string }[];

describe('transfer (AG-8)', () => {
  it('hands a conversation to an agent who accepts it, and the transferring agent wraps up', async () => {
    const t = await testPlatform();
    const { ana, bruno, conversationId } = await anaInConversation(t);

    const targets = (await t.call('GET', '/api/transfer-targets', { token: ana })).body;
    expect(targets.agents).toEqual([
      { id: DEMO.users.bruno.id, displayName: 'Bruno Agent', state: 'available', hasRoom: true },
    ]);
    expect(targets.queues.map((q: { name: string }) => q.name)).toEqual(['Billing', 'Customer support']);

    const transferred = await t.call('POST', `/api/conversations/${conversationId}/transfer`, {
      token: ana,
      body: { target: { type: 'agent', agentId: DEMO.users.bruno.id } },
    });
    expect(transferred.status).toBe(200);
    expect(transferred.body).toMatchObject({ conversationId, reason: 'transfer', customerName: 'María García' });
    expect((await t.call('GET', '/api/conversations', { token: ana })).body).toEqual([]);
    expect(
      (await t.call('POST', `/api/conversations/${conversationId}/messages`, { token: ana, body: { text: 'hi' } }))
        .status,
    ).toBe(404);

    const [offer] = await offersOf(t, bruno);
    expect(offer?.conversationId).toBe(conversationId);
    expect((await t.call('POST', `/api/offers/${offer?.id}/accept`, { token: bruno })).status).toBe(200);
    const transcript = (await t.call('GET', `/api/conversations/${conversationId}/messages`, { token: bruno })).body;
    expect(transcript.at(-1)).toMatchObject({ direction: 'system', text: 'Transferred from Ana Agent to Bruno Agent' });
    expect(transcript[0].text).toBe('I need help with my bill');

    const [wrapUp] = (await t.call('GET', '/api/wrap-ups', { token: ana })).body;
    const missing = await t.call('POST', `/api/wrap-ups/${wrapUp.id}`, { token: ana, body: {} });
    expect(missing.body.error.issues[0].path).toBe('closureReasonId');
    expect(
      (await t.call('POST', `/api/wrap-ups/${wrapUp.id}`, { token: ana, body: { closureReasonId: 'closure_info' } }))
        .status,
    ).toBe(200);
    expect((await t.call('GET', '/api/wrap-ups', { token: ana })).body).toEqual([]);
    expect(
      (await t.call('POST', `/api/wrap-ups/${wrapUp.id}`, { token: ana, body: { closureReasonId: 'closure_info' } }))
        .status,
    ).toBe(409);
    expect(
      (await t.call('POST', `/api/wrap-ups/${wrapUp.id}`, { token: bruno, body: { closureReasonId: 'closure_info' } }))
        .status,
    ).toBe(404);
  });

  it('abandons a transfer the receiving agent rejects: the conversation returns to the queue, not lost', async () => {
    const t = await testPlatform();
    const { ana, bruno, conversationId } = await anaInConversation(t);
    await t.call('POST', `/api/conversations/${conversationId}/transfer`, {
      token: ana,
      body: { target: { type: 'agent', agentId: DEMO.users.bruno.id } },
    });
    const [offer] = await offersOf(t, bruno);
    await t.call('POST', `/api/offers/${offer?.id}/reject`, { token: bruno });
    // Back in the support queue, routed again: Ana is the available support agent.
    expect((await offersOf(t, ana)).map((o) => o.conversationId)).toEqual([conversationId]);
  });

  it('abandons a transfer that is not accepted in time, and the receiving agent goes to RONA', async () => {
    const t = await testPlatform();
    const { ana, bruno, conversationId } = await anaInConversation(t);
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'unavailable' } });
    await t.call('POST', `/api/conversations/${conversationId}/transfer`, {
      token: ana,
      body: { target: { type: 'agent', agentId: DEMO.users.bruno.id } },
    });
    t.clock.advance(30_000);
    await t.sweep();
    expect((await t.call('GET', '/api/me', { token: bruno })).body.status.state).toBe('rona');
    expect(t.store.get('conversations', conversationId)?.status).toBe('queued');
  });

  it('sends a conversation to another queue, where an agent with that skill receives it', async () => {
    const t = await testPlatform();
    const { ana, bruno, conversationId } = await anaInConversation(t);
    const moved = await t.call('POST', `/api/conversations/${conversationId}/transfer`, {
      token: ana,
      body: { target: { type: 'queue', skillId: DEMO.billingSkillId } },
    });
    expect(moved.status).toBe(200);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    expect(offer).toMatchObject({ conversationId, queueName: 'Billing' });
    expect(await offersOf(t, ana)).toEqual([]);
  });

  it('refuses transfers to nobody, to oneself, to an unavailable agent, and of a conversation one does not hold', async () => {
    const t = await testPlatform();
    const { ana, bruno, conversationId } = await anaInConversation(t, { brunoAvailable: false });
    const attempt = (body: unknown, token = ana) =>
      t.call('POST', `/api/conversations/${conversationId}/transfer`, { token, body });
    const unknownQueue = await attempt({ target: { type: 'queue', skillId: 'skill_nope' } });
    expect([unknownQueue.status, unknownQueue.body.error.issues[0].path]).toEqual([400, 'target.skillId']);
    expect((await attempt({ target: { type: 'agent', agentId: DEMO.users.ana.id } })).status).toBe(400);
    const busy = await attempt({ target: { type: 'agent', agentId: DEMO.users.bruno.id } });
    expect([busy.status, busy.body.error.code]).toEqual([409, 'agent_not_available']);
    expect((await attempt({ target: { type: 'team' } })).status).toBe(400);
    expect((await attempt({ target: { type: 'queue', skillId: DEMO.billingSkillId } }, bruno)).status).toBe(404);
    // Nothing changed: Ana still holds it and owes no wrap-up.
    expect(t.store.get('conversations', conversationId)).toMatchObject({
      status: 'active',
      agentId: DEMO.users.ana.id,
    });
    expect((await t.call('GET', '/api/wrap-ups', { token: ana })).body).toEqual([]);
  });

  it('a queue transfer says who sent it, in the offer and in the transcript', async () => {
    const t = await testPlatform();
    const { ana, bruno, conversationId } = await anaInConversation(t);
    await t.call('POST', `/api/conversations/${conversationId}/transfer`, {
      token: ana,
      body: { target: { type: 'queue', skillId: DEMO.billingSkillId } },
    });
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    expect(offer).toMatchObject({ conversationId, kind: 'transfer', fromName: 'Ana Agent', queueName: 'Billing' });
    await t.call('POST', `/api/offers/${offer.id}/accept`, { token: bruno });
    const transcript = (await t.call('GET', `/api/conversations/${conversationId}/messages`, { token: bruno })).body;
    const notices = transcript
      .filter((m: { direction: string }) => m.direction === 'system')
      .map((m: { text: string }) => m.text);
    expect(notices).toEqual([
      'Ana Agent transferred it to the Billing queue',
      'Transferred from Ana Agent to Bruno Agent',
    ]);
    // Taken: it is no longer a transfer for the offers that may follow.
    expect(t.store.get('conversations', conversationId)?.transferredBy).toBeUndefined();
  });

  it('an abandoned transfer (rejected, or not answered) leaves a line in the transcript', async () => {
    const t = await testPlatform();
    const { ana, bruno, conversationId } = await anaInConversation(t);
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'unavailable' } });
    await t.call('POST', `/api/conversations/${conversationId}/transfer`, {
      token: ana,
      body: { target: { type: 'agent', agentId: DEMO.users.bruno.id } },
    });
    t.clock.advance(30_000);
    await t.sweep();
    const system = () =>
      t.store
        .where('messages', 'conversationId', conversationId)
        .filter((m) => m.direction === 'system')
        .map((m) => m.text);
    expect(system()).toEqual([
      'Bruno Agent did not take the transfer from Ana Agent: it waits in the Customer support queue',
    ]);

    // Rejected this time (the queue lets agents reject).
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    const [again] = await offersOf(t, bruno);
    if (again) await t.call('POST', `/api/offers/${again.id}/accept`, { token: bruno });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.call('POST', `/api/conversations/${conversationId}/transfer`, {
      token: bruno,
      body: { target: { type: 'agent', agentId: DEMO.users.ana.id } },
    });
    const [toAna] = await offersOf(t, ana);
    expect((await t.call('POST', `/api/offers/${toAna?.id}/reject`, { token: ana })).status).toBe(200);
    expect(system().at(-1)).toBe(
      'Ana Agent did not take the transfer from Bruno Agent: it waits in the Customer support queue',
    );
  });
});
