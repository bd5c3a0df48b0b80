import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

const offersOf = async (t: Harness, token: string) =>
  (await t.call('GET', '/api/agent/offers', { token })).body as { id: string; conversationId: string }[];
const statusOf = async (t: Harness, token: string) => (await t.call('GET', '/api/me', { token })).body.status;

/** Ana holds María's conversation and transfers it to the billing queue (Bruno): she owes a wrap-up. */
async function anaHandsOver(t: Harness) {
  const ana = await t.login('ana', 'loro-agent');
  const bruno = await t.login('bruno', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('hola');
  const [offer] = await offersOf(t, ana);
  await t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana });
  await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
  const moved = await t.call('POST', `/api/conversations/${offer?.conversationId}/transfer`, {
    token: ana,
    body: { target: { type: 'queue', skillId: DEMO.billingSkillId } },
  });
  expect(moved.status).toBe(200);
  return { ana, bruno, wrapUpId: moved.body.id as string };
}

/** Bruno steps away: Ana is the only support agent left. */
async function onlyAna(t: Harness, bruno: string) {
  await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'unavailable' } });
}

describe('after-contact work (issue 13)', () => {
  it('keeps offers from an agent who owes a wrap-up, until its time runs out: then it is submitted with the skill’s default reason', async () => {
    const t = await testPlatform();
    const skill = t.store.get('skills', DEMO.skillId);
    if (!skill) throw new Error('no demo skill');
    await t.store.commit([put('skills', { ...skill, wrapUpSeconds: 45, defaultClosureReasonId: 'closure_info' })]);
    const handedOverAt = t.clock.now();
    const { ana, bruno, wrapUpId } = await anaHandsOver(t);
    await onlyAna(t, bruno);
    const panel = await t.listen(ana);

    expect(await statusOf(t, ana)).toEqual({ state: 'acw', since: handedOverAt, until: handedOverAt + 45_000 });
    // A new customer: Ana is the only support agent, in after-contact work, so it waits.
    await t.customerSays('otra consulta', '+34 612 000 222', 'Helena');
    expect(await offersOf(t, ana)).toEqual([]);

    t.clock.advance(44_999);
    await t.sweep();
    expect(await offersOf(t, ana)).toEqual([]);
    expect(t.store.get('wrapUps', wrapUpId)?.status).toBe('pending');

    t.clock.advance(1);
    await t.sweep();
    expect(t.store.get('wrapUps', wrapUpId)).toMatchObject({
      status: 'done',
      automatic: true,
      closureReasonId: 'closure_info',
      doneAt: t.clock.now(),
    });
    expect((await statusOf(t, ana)).state).toBe('available');
    expect((await t.call('GET', '/api/wrap-ups', { token: ana })).body).toEqual([]);
    // Back to Available: Helena's conversation is offered to her in the same sweep.
    expect(await offersOf(t, ana)).toHaveLength(1);
    await panel.until((text) => text.includes('event: wrapup.done') && text.includes('"state":"available"'));
    await panel.stop();
  });

  it('returns the agent to Available as soon as she submits the wrap-up herself', async () => {
    const t = await testPlatform();
    const { ana, bruno, wrapUpId } = await anaHandsOver(t);
    await onlyAna(t, bruno);
    await t.customerSays('otra consulta', '+34 612 000 222', 'Helena');
    expect(await offersOf(t, ana)).toEqual([]);
    t.clock.advance(10_000);
    const done = await t.call('POST', `/api/wrap-ups/${wrapUpId}`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved', note: 'Pasada a facturación' },
    });
    expect(done.status).toBe(200);
    expect((await statusOf(t, ana)).state).toBe('available');
    expect(await offersOf(t, ana)).toHaveLength(1);
    expect(t.store.get('wrapUps', wrapUpId)).toMatchObject({ status: 'done', closureReasonId: 'closure_resolved' });
    expect(t.store.get('wrapUps', wrapUpId)?.automatic).toBeUndefined();
  });

  it('gives two minutes when the skill sets no wrap-up time, and shows it in transfer targets', async () => {
    const t = await testPlatform();
    const { ana, bruno } = await anaHandsOver(t);
    const status = await statusOf(t, ana);
    expect(status.until - status.since).toBe(120_000);
    const targets = (await t.call('GET', '/api/transfer-targets', { token: bruno })).body;
    expect(targets.agents.find((a: { id: string }) => a.id === DEMO.users.ana.id)?.state).toBe('acw');
    // Unavailable wins over after-contact work on screen; she still owes the wrap-up.
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'unavailable', reasonId: 'reason_break' } });
    expect((await statusOf(t, ana)).state).toBe('unavailable');
    t.clock.advance(120_000);
    await t.sweep();
    expect((await t.call('GET', '/api/wrap-ups', { token: ana })).body).toEqual([]);
    expect((await statusOf(t, ana)).state).toBe('unavailable');
  });

  it('refuses a wrap-up time out of range and an unknown default reason on the skill', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const skill = (await t.call('GET', `/api/admin/skills/${DEMO.skillId}`, { token: admin })).body;
    const { version: _v, id: _id, ...body } = skill;
    const short = await t.call('PUT', `/api/admin/skills/${DEMO.skillId}`, {
      token: admin,
      body: { ...body, wrapUpSeconds: 5 },
    });
    expect([short.status, short.body.error.issues[0].path]).toEqual([400, 'wrapUpSeconds']);
    const unknown = await t.call('PUT', `/api/admin/skills/${DEMO.skillId}`, {
      token: admin,
      body: { ...body, defaultClosureReasonId: 'closure_nope' },
    });
    expect([unknown.status, unknown.body.error.issues[0].path]).toEqual([400, 'defaultClosureReasonId']);
    const saved = await t.call('PUT', `/api/admin/skills/${DEMO.skillId}`, {
      token: admin,
      body: { ...body, wrapUpSeconds: 60, defaultClosureReasonId: 'closure_info' },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ wrapUpSeconds: 60, defaultClosureReasonId: 'closure_info' });
  });
});
