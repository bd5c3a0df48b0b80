import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

async function conversationWithGuestAvailable(t: Harness) {
  const ana = await t.login('ana', 'loro-agent');
  const bruno = await t.login('bruno', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('I have a question about my bill');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
  return { ana, bruno, id: conversation.id as string };
}

async function invite(t: Harness, token: string, id: string) {
  return t.call('POST', `/api/conversations/${id}/conference`, { token, body: { agentId: DEMO.users.bruno.id } });
}

const systemTexts = async (t: Harness, token: string, id: string) =>
  ((await t.call('GET', `/api/conversations/${id}/messages`, { token })).body as { direction: string; text: string }[])
    .filter((m) => m.direction === 'system')
    .map((m) => m.text);

describe('conference (AG-9)', () => {
  it('goes requested → conference with an "agent joined" message; both agents read and write; the guest leaves', async () => {
    const t = await testPlatform();
    const { ana, bruno, id } = await conversationWithGuestAvailable(t);

    const requested = await invite(t, ana, id);
    expect(requested.body.conference).toEqual({
      state: 'requested',
      ownerName: 'Ana Agent',
      guestName: 'Bruno Agent',
      role: 'owner',
    });
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    expect(offer.conversationId).toBe(id);

    const joined = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: bruno });
    expect(joined.body.conference).toMatchObject({ state: 'active', role: 'guest' });
    expect(await systemTexts(t, ana, id)).toEqual(['Bruno Agent joined the conversation']);
    expect((await t.call('GET', '/api/conversations', { token: bruno })).body.map((c: { id: string }) => c.id)).toEqual(
      [id],
    );

    // Both see the customer's next message; both can answer.
    await t.customerSays('Thanks for looking');
    expect(
      (await t.call('POST', `/api/conversations/${id}/messages`, { token: bruno, body: { text: 'Billing here' } }))
        .status,
    ).toBe(201);
    const transcript = (await t.call('GET', `/api/conversations/${id}/messages`, { token: ana })).body;
    expect(
      transcript.filter((m: { direction: string }) => m.direction !== 'system').map((m: { text: string }) => m.text),
    ).toEqual(['I have a question about my bill', 'Thanks for looking', 'Billing here']);

    // Only the guest leaves, only the owner ends; neither may do the other's.
    expect((await t.call('POST', `/api/conversations/${id}/conference/leave`, { token: ana })).status).toBe(403);
    expect(
      (
        await t.call('POST', `/api/conversations/${id}/end`, {
          token: bruno,
          body: { closureReasonId: 'closure_resolved' },
        })
      ).status,
    ).toBe(403);
    expect((await t.call('POST', `/api/conversations/${id}/conference/leave`, { token: bruno })).status).toBe(200);
    expect(await systemTexts(t, ana, id)).toEqual([
      'Bruno Agent joined the conversation',
      'Bruno Agent left the conversation',
    ]);
    expect((await t.call('GET', '/api/conversations', { token: bruno })).body).toEqual([]);
    expect((await t.call('GET', `/api/conversations/${id}`, { token: ana })).body).toMatchObject({ status: 'active' });
    expect((await t.call('GET', '/api/wrap-ups', { token: bruno })).body).toEqual([
      expect.objectContaining({ conversationId: id, reason: 'conference' }),
    ]);
  });

  it('lets the owner end the conference, and ending the conversation sends the guest a wrap-up too', async () => {
    const t = await testPlatform();
    const { ana, bruno, id } = await conversationWithGuestAvailable(t);
    await invite(t, ana, id);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    await t.call('POST', `/api/offers/${offer.id}/accept`, { token: bruno });
    expect((await t.call('POST', `/api/conversations/${id}/conference/end`, { token: ana })).status).toBe(200);
    expect(await systemTexts(t, ana, id)).toContain('Ana Agent ended the conference');
    expect((await t.call('GET', `/api/conversations/${id}/messages`, { token: bruno })).status).toBe(404);

    // Bruno owes the wrap-up of his part (after-contact work): no invitation reaches him until it is done.
    expect((await t.call('GET', '/api/me', { token: bruno })).body.status.state).toBe('acw');
    expect((await invite(t, ana, id)).status).toBe(409);
    const [owed] = (await t.call('GET', '/api/wrap-ups', { token: bruno })).body;
    await t.call('POST', `/api/wrap-ups/${owed.id}`, { token: bruno, body: { closureReasonId: 'closure_info' } });

    // A second conference, then the owner ends the whole conversation.
    await invite(t, ana, id);
    const [again] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    await t.call('POST', `/api/offers/${again.id}/accept`, { token: bruno });
    await t.call('POST', `/api/conversations/${id}/end`, { token: ana, body: { closureReasonId: 'closure_resolved' } });
    expect((await t.call('GET', '/api/conversations', { token: bruno })).body).toEqual([]);
    expect((await t.call('GET', '/api/wrap-ups', { token: bruno })).body).toHaveLength(1);
  });

  it('withdraws a declined or expired invitation; the owner carries on', async () => {
    const t = await testPlatform();
    const { ana, bruno, id } = await conversationWithGuestAvailable(t);
    await invite(t, ana, id);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    expect(offer.canReject).toBe(true);
    await t.call('POST', `/api/offers/${offer.id}/reject`, { token: bruno });
    expect((await t.call('GET', `/api/conversations/${id}`, { token: ana })).body.conference).toBeUndefined();
    expect(await systemTexts(t, ana, id)).toEqual(['Bruno Agent did not join the conversation']);

    await invite(t, ana, id);
    t.clock.advance(30_000);
    await t.sweep();
    expect((await t.call('GET', '/api/me', { token: bruno })).body.status.state).toBe('rona');
    const after = (await t.call('GET', `/api/conversations/${id}`, { token: ana })).body;
    expect(after).toMatchObject({ status: 'active' });
    expect(after.conference).toBeUndefined();
  });

  it('refuses a second invitation, a transfer during a conference, and an unavailable guest', async () => {
    const t = await testPlatform();
    const { ana, bruno, id } = await conversationWithGuestAvailable(t);
    await invite(t, ana, id);
    const twice = await invite(t, ana, id);
    expect([twice.status, twice.body.error.code]).toEqual([409, 'conference_in_progress']);
    const transfer = await t.call('POST', `/api/conversations/${id}/transfer`, {
      token: ana,
      body: { target: { type: 'queue', skillId: DEMO.billingSkillId } },
    });
    expect(transfer.status).toBe(409);

    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    await t.call('POST', `/api/offers/${offer.id}/reject`, { token: bruno });
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'unavailable' } });
    const unavailable = await invite(t, ana, id);
    expect([unavailable.status, unavailable.body.error.code]).toEqual([409, 'agent_not_available']);
    const self = await t.call('POST', `/api/conversations/${id}/conference`, {
      token: ana,
      body: { agentId: DEMO.users.ana.id },
    });
    expect([self.status, self.body.error.issues[0].path]).toEqual([400, 'agentId']);
  });

  it('invites the best available agent of a queue, and says so when nobody there can join', async () => {
    const t = await testPlatform();
    const { ana, bruno, id } = await conversationWithGuestAvailable(t);
    const requested = await t.call('POST', `/api/conversations/${id}/conference`, {
      token: ana,
      body: { skillId: DEMO.billingSkillId },
    });
    expect(requested.body.conference).toMatchObject({ state: 'requested', guestName: 'Bruno Agent' });
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    await t.call('POST', `/api/offers/${offer.id}/reject`, { token: bruno });
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'unavailable' } });
    const nobody = await t.call('POST', `/api/conversations/${id}/conference`, {
      token: ana,
      body: { skillId: DEMO.billingSkillId },
    });
    expect([nobody.status, nobody.body.error.message]).toEqual([409, 'Nobody in Billing is available to join']);
    const unknown = await t.call('POST', `/api/conversations/${id}/conference`, {
      token: ana,
      body: { skillId: 'nope' },
    });
    expect([unknown.status, unknown.body.error.issues[0].path]).toEqual([400, 'skillId']);
    const both = await t.call('POST', `/api/conversations/${id}/conference`, {
      token: ana,
      body: { skillId: DEMO.billingSkillId, agentId: 'x' },
    });
    expect(both.status).toBe(400);
  });

  it('gives the guest a wrap-up when the customer response timer ends a conference', async () => {
    const t = await testPlatform();
    const skill = t.store.get('skills', DEMO.skillId);
    if (!skill) throw new Error('no demo skill');
    await t.store.commit([put('skills', { ...skill, customerResponseMinutes: 5 })]);
    const { ana, bruno, id } = await conversationWithGuestAvailable(t);
    await invite(t, ana, id);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    await t.call('POST', `/api/offers/${offer.id}/accept`, { token: bruno });
    await t.call('POST', `/api/conversations/${id}/messages`, { token: ana, body: { text: 'Still there?' } });
    t.clock.advance(5 * 60_000);
    await t.sweep();
    expect(t.store.get('conversations', id)).toMatchObject({ status: 'ended', endedBy: 'customer_timeout' });
    expect((await t.call('GET', '/api/wrap-ups', { token: bruno })).body).toEqual([
      expect.objectContaining({ conversationId: id, reason: 'conference' }),
    ]);
  });
});
