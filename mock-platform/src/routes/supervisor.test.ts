import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const MINUTE = 60_000;
/** The manual clock starts at 04:00 in New York; the demo's business hours begin at 09:00. */
const TO_OPENING = 5 * 60 * MINUTE;

/** The last `board` event of an SSE text. */
function lastBoard(text: string) {
  const frames = text.split('\n\n').filter((frame) => frame.startsWith('event: board'));
  const data = frames.at(-1)?.match(/^data: ?(.*)$/m)?.[1];
  return data ? JSON.parse(data) : undefined;
}

async function setUp() {
  const t = await testPlatform();
  t.clock.advance(TO_OPENING);
  const sofia = await t.login('sofia', 'loro-supervisor');
  const admin = await t.login('admin', 'loro-admin');
  const board = async () => (await t.call('GET', '/api/supervisor/board', { token: sofia })).body;
  const queue = async (skillId: string = DEMO.skillId) =>
    (await board()).queues.find((row: { skillId: string; channelId: string }) => row.skillId === skillId);
  const agent = async (id: string) => (await board()).agents.find((row: { id: string }) => row.id === id);
  /** Ana signs in, goes Available, takes the customer's conversation. */
  const anaTakes = async (text = 'hello') => {
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays(text);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    return { ana, conversation };
  };
  return { t, sofia, admin, board, queue, agent, anaTakes };
}

describe('supervisors (a role enforced by the server)', () => {
  it('agents get 403 on every supervisor route; supervisors get 403 on the administration', async () => {
    const { t, sofia, admin } = await setUp();
    const ana = await t.login('ana', 'loro-agent');
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/supervisor/board'],
      ['GET', '/api/supervisor/events'],
      ['GET', '/api/supervisor/conversations/x'],
      ['POST', '/api/supervisor/conversations/x/reassign', { skillId: DEMO.skillId }],
      ['POST', '/api/supervisor/conversations/x/close', { closureReasonId: 'closure_resolved' }],
      ['POST', '/api/supervisor/agents/user_bruno/unavailable'],
      ['POST', '/api/supervisor/agents/user_bruno/sign-out'],
    ];
    for (const [method, path, body] of routes) {
      const refused = await t.call(method, path, { token: ana, ...(body ? { body } : {}) });
      expect([path, refused.status, refused.body.error.code]).toEqual([path, 403, 'forbidden']);
    }
    expect((await t.call('GET', '/api/supervisor/board', { token: sofia })).status).toBe(200);
    expect((await t.call('GET', '/api/supervisor/board', { token: admin })).status).toBe(200);
    expect((await t.call('GET', '/api/admin/users', { token: sofia })).status).toBe(403);
    expect((await t.call('GET', '/api/me', { token: sofia })).status).toBe(403);
    // Bruno was not touched by any of Ana's attempts.
    expect((await t.call('GET', '/api/admin/audit?resource=agents', { token: admin })).body).toEqual([]);
  });

  it('counts a conversation that missed both its first response and its resolution once in breached today', async () => {
    const { t, admin, queue } = await setUp();
    const sla = { firstResponseMs: MINUTE, resolutionMs: 2 * MINUTE };
    expect((await t.call('PUT', '/api/admin/settings', { token: admin, body: { sla } })).status).toBe(200);
    await t.customerSays('hello, anyone?');
    t.clock.advance(3 * MINUTE);
    const report = await t.call('GET', '/api/admin/sla-report', { token: admin });
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.breaches.map((b: { clock: string }) => b.clock).sort()).toEqual(['firstResponse', 'resolution']);
    expect((await queue()).breachedToday).toBe(1);
  });

  it('the queue board counts waiting, longest wait, offered, agents by state, SLA at risk and breached today', async () => {
    const { t, sofia, queue, agent } = await setUp();
    const start = t.clock.now();
    let row = await queue();
    expect(row).toMatchObject({
      channelName: 'Demo WhatsApp',
      skillName: 'Customer support',
      waiting: 0,
      offered: 0,
      agents: { available: 0, afterContactWork: 0, unavailable: [{ reason: 'signed-out', count: 2 }] },
      slaAtRisk: 0,
      breachedToday: 0,
    });
    expect(row.longestWaitingSince).toBeUndefined();

    await t.customerSays('hello, anyone?');
    row = await queue();
    expect([row.waiting, row.longestWaitingSince]).toEqual([1, start]);
    // 30 minutes to answer: at risk once less than a quarter is left (after 22.5 minutes).
    t.clock.advance(22 * MINUTE);
    expect((await queue()).slaAtRisk).toBe(0);
    t.clock.advance(1 * MINUTE);
    expect((await queue()).slaAtRisk).toBe(1);
    t.clock.advance(8 * MINUTE);
    row = await queue();
    expect([row.slaAtRisk, row.breachedToday]).toEqual([0, 1]);

    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    row = await queue();
    expect(row.agents.unavailable).toEqual([{ reason: 'none', count: 2 }]);
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    row = await queue();
    expect([row.waiting, row.offered, row.agents.available]).toEqual([0, 1, 1]);
    expect((await agent(DEMO.users.bruno.id)).load).toBe(1);
    expect(row.agents.unavailable).toEqual([{ reason: 'none', count: 1 }]);

    // Bruno lets the offer expire (RONA): the board says why he is not taking work.
    t.clock.advance(31_000);
    await t.sweep();
    row = await queue();
    expect(row.agents.unavailable).toEqual(
      expect.arrayContaining([
        { reason: 'rona', count: 1 },
        { reason: 'none', count: 1 },
      ]),
    );
    expect(await agent(DEMO.users.bruno.id)).toMatchObject({ state: 'rona', reason: 'rona', signedIn: true });
    expect((await queue()).waiting).toBe(1);
    // Billing is a queue of its own: nothing waits there.
    expect((await queue(DEMO.billingSkillId)).waiting).toBe(0);
    expect(ana).toBeTruthy();
    expect((await t.call('GET', '/api/supervisor/board', { token: sofia })).body.masked).toBe(false);
  });

  it('the agent board shows state with its duration, open conversations, handled today, handle time and first-response SLA', async () => {
    const { t, agent, anaTakes } = await setUp();
    const signedInAt = t.clock.now();
    const { ana, conversation } = await anaTakes();
    let row = await agent(DEMO.users.ana.id);
    expect(row).toMatchObject({
      displayName: 'Ana Agent',
      state: 'available',
      since: signedInAt,
      signedIn: true,
      openConversations: 1,
      capacity: 3,
      handledToday: 0,
      firstResponse: { met: 0, breached: 0, active: 1 },
    });
    expect(row.reason).toBeUndefined();
    expect(row.averageHandleMs).toBeUndefined();
    t.clock.advance(2 * MINUTE);
    await t.call('POST', `/api/conversations/${conversation.id}/messages`, { token: ana, body: { text: 'Hi!' } });
    t.clock.advance(4 * MINUTE);
    await t.call('POST', `/api/conversations/${conversation.id}/end`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved' },
    });
    row = await agent(DEMO.users.ana.id);
    expect(row).toMatchObject({
      openConversations: 0,
      handledToday: 1,
      averageHandleMs: 6 * MINUTE,
      firstResponse: { met: 1, breached: 0, active: 0 },
    });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'unavailable' } });
    row = await agent(DEMO.users.ana.id);
    expect([row.state, row.reason, row.since]).toEqual(['unavailable', 'none', t.clock.now()]);
  });

  it('the boards come live over the event stream when a customer writes', async () => {
    const { t, sofia } = await setUp();
    const stream = await t.listen(sofia, {}, '/api/supervisor/events');
    await stream.until((text) => lastBoard(text) !== undefined);
    expect(lastBoard(stream.text()).queues[0].waiting).toBe(0);
    await t.customerSays('is anybody there?', '+34 611 111 111', 'Lucía');
    await stream.until((text) => lastBoard(text)?.conversations.length === 1);
    const board = lastBoard(stream.text());
    expect(board.conversations[0]).toMatchObject({
      status: 'queued',
      customerName: 'Lucía',
      customerNumber: '+34611111111',
      queueName: 'Customer support',
    });
    expect(board.queues.find((row: { skillId: string }) => row.skillId === DEMO.skillId).waiting).toBe(1);
    await stream.stop();
  });

  it('masking applies to what supervisors see', async () => {
    const { t, sofia, admin, anaTakes } = await setUp();
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    const { conversation } = await anaTakes('my card is 4111 1111 1111 1111');
    const { body: board } = await t.call('GET', '/api/supervisor/board', { token: sofia });
    expect(board.masked).toBe(true);
    expect(board.conversations[0].customerNumber).toBe('********5678');
    const { body: read } = await t.call('GET', `/api/supervisor/conversations/${conversation.id}`, { token: sofia });
    expect(read.conversation.customerNumber).toBe('********5678');
    expect(read.messages[0].text).toMatch(/^my card is \*+1111$/);
    expect(JSON.stringify(read)).not.toContain('4111 1111 1111 1111');
  });

  it('opens any conversation read-only and reassigns it to a queue: the agent is released owing a wrap-up (audited)', async () => {
    const { t, sofia, admin, agent, anaTakes } = await setUp();
    const { ana, conversation } = await anaTakes('I need an invoice');
    const { body: read } = await t.call('GET', `/api/supervisor/conversations/${conversation.id}`, { token: sofia });
    expect(read.conversation).toMatchObject({ status: 'active', agentName: 'Ana Agent', permissions: [] });
    expect(read.messages.map((m: { text: string }) => m.text)).toEqual(['I need an invoice']);
    // Read-only: the supervisor has no agent routes to write with.
    const write = await t.call('POST', `/api/conversations/${conversation.id}/messages`, {
      token: sofia,
      body: { text: 'hi' },
    });
    expect(write.status).toBe(403);

    const anaStream = await t.listen(ana);
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    const bad = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/reassign`, {
      token: sofia,
      body: { skillId: 'skill_nope' },
    });
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'skillId']);
    const moved = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/reassign`, {
      token: sofia,
      body: { skillId: DEMO.billingSkillId },
    });
    expect(moved.status).toBe(200);
    // The answer is the reassignment itself; routing runs after it, not awaited.
    expect(moved.body).toMatchObject({ queueName: 'Billing', status: 'queued' });
    // Bruno, who has Billing, is offered it at once.
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    expect(offer.conversationId).toBe(conversation.id);
    await anaStream.until((text) => text.includes('event: wrapup'));
    expect(anaStream.text()).toContain('event: conversation.removed');
    await anaStream.stop();
    expect((await agent(DEMO.users.ana.id)).afterContactWork).toBe(true);

    const [entry] = (await t.call('GET', '/api/admin/audit?resource=conversations', { token: admin })).body;
    expect(entry).toMatchObject({
      actorName: 'Sofia Supervisor',
      action: 'update',
      resourceId: conversation.id,
      summary: `Reassigned conversation ${conversation.id} from Ana Agent to the queue Billing`,
      changes: [
        { field: 'agent', before: 'Ana Agent', after: '—' },
        { field: 'queue', before: 'Customer support', after: 'Billing' },
      ],
    });
    const transcript = (await t.call('GET', `/api/supervisor/conversations/${conversation.id}`, { token: sofia })).body;
    expect(transcript.messages.at(-1).text).toBe(
      'Sofia Supervisor (supervisor) reassigned the conversation to the queue Billing',
    );
  });

  it('reassigns to an agent: refused, naming why, unless she can take it; then offered to her as a transfer', async () => {
    const { t, sofia, admin, anaTakes } = await setUp();
    const { conversation } = await anaTakes();
    const bruno = await t.login('bruno', 'loro-agent');
    const refused = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/reassign`, {
      token: sofia,
      body: { agentId: DEMO.users.bruno.id },
    });
    expect([refused.status, refused.body.error.message]).toEqual([409, 'Bruno Agent is not Available']);
    const notAgent = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/reassign`, {
      token: sofia,
      body: { agentId: DEMO.users.admin.id },
    });
    expect([notAgent.status, notAgent.body.error.issues[0].path]).toEqual([400, 'agentId']);
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    const moved = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/reassign`, {
      token: sofia,
      body: { agentId: DEMO.users.bruno.id },
    });
    expect(moved.body.status).toBe('offered');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    expect(offer).toMatchObject({ kind: 'transfer', fromName: 'Sofia Supervisor' });
    await t.call('POST', `/api/offers/${offer.id}/accept`, { token: bruno });
    const read = (await t.call('GET', `/api/supervisor/conversations/${conversation.id}`, { token: sofia })).body;
    expect(read.conversation).toMatchObject({ status: 'active', agentName: 'Bruno Agent' });
    expect(read.messages.at(-1).text).toBe('Transferred from Sofia Supervisor to Bruno Agent');
    const audit = (await t.call('GET', '/api/admin/audit?resource=conversations', { token: admin })).body;
    expect(audit[0].summary).toBe(`Reassigned conversation ${conversation.id} from Ana Agent to Bruno Agent`);
  });

  it('closes a conversation with a closure reason: the agent sees it end; a waiting one can be closed too (audited)', async () => {
    const { t, sofia, admin, agent, anaTakes } = await setUp();
    const { ana, conversation } = await anaTakes();
    const anaStream = await t.listen(ana);
    const bad = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/close`, {
      token: sofia,
      body: { closureReasonId: 'closure_nope' },
    });
    expect([bad.status, bad.body.error.issues[0].path]).toEqual([400, 'closureReasonId']);
    const missing = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/close`, {
      token: sofia,
      body: {},
    });
    expect([missing.status, missing.body.error.issues[0].path]).toEqual([400, 'closureReasonId']);
    t.clock.advance(3 * MINUTE);
    const closed = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/close`, {
      token: sofia,
      body: { closureReasonId: 'closure_wrong_number', note: 'spam' },
    });
    expect(closed.body.status).toBe('ended');
    await anaStream.until((text) => text.includes('"status":"ended"'));
    await anaStream.stop();
    expect(await agent(DEMO.users.ana.id)).toMatchObject({
      openConversations: 0,
      handledToday: 1,
      averageHandleMs: 3 * MINUTE,
    });
    const again = await t.call('POST', `/api/supervisor/conversations/${conversation.id}/close`, {
      token: sofia,
      body: { closureReasonId: 'closure_resolved' },
    });
    expect(again.status).toBe(409);
    const history = (await t.call('GET', '/api/history', { token: ana })).body;
    expect(history[0]).toMatchObject({ closureReason: 'Wrong number · Número equivocado', note: 'spam' });

    // A conversation nobody has taken yet (Ana is full? no: unavailable).
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'unavailable' } });
    await t.customerSays('wrong chat', '+34 622 222 222', 'Pablo');
    const waiting = (await t.call('GET', '/api/supervisor/board', { token: sofia })).body.conversations[0];
    expect(waiting.status).toBe('queued');
    expect(
      (
        await t.call('POST', `/api/supervisor/conversations/${waiting.id}/close`, {
          token: sofia,
          body: { closureReasonId: 'closure_wrong_number' },
        })
      ).status,
    ).toBe(200);
    expect((await t.call('GET', '/api/supervisor/board', { token: sofia })).body.conversations).toEqual([]);
    const audit = (await t.call('GET', '/api/admin/audit?resource=conversations', { token: admin })).body;
    expect(audit.map((entry: { summary: string }) => entry.summary)).toEqual([
      `Closed conversation ${waiting.id} (Wrong number · Número equivocado)`,
      `Closed conversation ${conversation.id} (Wrong number · Número equivocado)`,
    ]);
  });

  it('makes an agent Unavailable for a reason the supervisor picks: she sees it, it is audited, an unknown reason is refused', async () => {
    const { t, sofia } = await setUp();
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    const reason = DEMO.unavailableReasons[0];
    // The board lists the administrators' reasons for the supervisor to choose from.
    const board = (await t.call('GET', '/api/supervisor/board', { token: sofia })).body;
    expect(board.unavailableReasons.map((r: { id: string }) => r.id).sort()).toEqual(
      DEMO.unavailableReasons.map((r) => r.id).sort(),
    );
    const wrong = await t.call('POST', `/api/supervisor/agents/${DEMO.users.ana.id}/unavailable`, {
      token: sofia,
      body: { reasonId: 'reason_nope' },
    });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body)).toContain('reasonId');
    const made = await t.call('POST', `/api/supervisor/agents/${DEMO.users.ana.id}/unavailable`, {
      token: sofia,
      body: { reasonId: reason.id },
    });
    expect(made.status).toBe(200);
    expect(made.body).toMatchObject({ state: 'unavailable', reason: { id: reason.id, name: reason.name } });
    const mine = await t.call('GET', '/api/me', { token: ana });
    expect(mine.body).toMatchObject({
      status: { state: 'unavailable', reason: { id: reason.id, nameEs: reason.nameEs } },
    });
  });

  it('makes an agent Unavailable (her offers go back) and signs her out (her session ends); each audited', async () => {
    const { t, sofia, admin, agent } = await setUp();
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toHaveLength(1);
    const unavailable = await t.call('POST', `/api/supervisor/agents/${DEMO.users.ana.id}/unavailable`, {
      token: sofia,
    });
    expect(unavailable.body).toEqual({ state: 'unavailable', since: t.clock.now() });
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toEqual([]);
    expect(await agent(DEMO.users.ana.id)).toMatchObject({ state: 'unavailable', reason: 'none' });

    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    const stream = await t.listen(ana);
    await stream.until((text) => text.includes('event: agent.state'));
    const signedOut = await t.call('POST', `/api/supervisor/agents/${DEMO.users.ana.id}/sign-out`, { token: sofia });
    expect(signedOut.body).toMatchObject({ state: 'unavailable', sessionsEnded: 1 });
    expect((await t.call('GET', '/api/me', { token: ana })).status).toBe(401);
    // Her open stream ends too: the panel reconnects, gets 401 and asks her to sign in.
    await stream.ended;
    expect((await t.call('GET', '/api/agent/events', { token: ana })).status).toBe(401);
    expect(await agent(DEMO.users.ana.id)).toMatchObject({ reason: 'signed-out', signedIn: false });
    const notAgent = await t.call('POST', `/api/supervisor/agents/${DEMO.users.admin.id}/sign-out`, { token: sofia });
    expect(notAgent.status).toBe(404);

    const audit = (await t.call('GET', '/api/admin/audit?resource=agents', { token: admin })).body;
    expect(audit.map((entry: { summary: string; actorName: string }) => [entry.actorName, entry.summary])).toEqual([
      ['Sofia Supervisor', 'Signed Ana Agent out (1 session ended)'],
      ['Sofia Supervisor', 'Made Ana Agent Unavailable'],
    ]);
  });
});
