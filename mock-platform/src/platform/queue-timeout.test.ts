import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;

async function setSkill(t: Harness, id: string, changes: Record<string, unknown>) {
  const skill = t.store.get('skills', id);
  if (!skill) throw new Error(`no skill ${id}`);
  await t.store.commit([put('skills', { ...skill, ...changes })]);
}
const only = (t: Harness) => {
  const [conversation] = t.store.all('conversations');
  if (!conversation) throw new Error('no conversation');
  return conversation;
};
const transcript = (t: Harness) =>
  t.store
    .where('messages', 'conversationId', only(t).id)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .map((m) => ({ direction: m.direction, text: m.text, ...(m.automatic ? { automatic: true } : {}) }));
/** What the customer's phone received from the business (the simulator's side). */
const customerReceived = (t: Harness) =>
  t.simulatorStore
    .all('messages')
    .filter((m) => (m as { direction?: string }).direction === 'outbound')
    .map((m) => JSON.stringify(m));

describe('queue time-out: overflow and automatic message (issue 13, issue 17)', () => {
  it('overflows to the secondary skill and tells the customer once, inside the window as free text', async () => {
    const t = await testPlatform();
    await setSkill(t, DEMO.skillId, {
      queueTimeoutSeconds: 60,
      secondarySkillId: DEMO.billingSkillId,
      queueTimeoutMessage: 'All our agents are busy; we will answer you shortly.',
    });
    await t.customerSays('hello');
    t.clock.advance(59_999);
    await t.sweep();
    expect(only(t).skillId).toBe(DEMO.skillId);

    t.clock.advance(1);
    await t.sweep();
    expect(only(t)).toMatchObject({ skillId: DEMO.billingSkillId, status: 'queued', queueTimeouts: [DEMO.skillId] });
    expect(transcript(t)).toEqual([
      { direction: 'inbound', text: 'hello' },
      {
        direction: 'system',
        text: 'Waited 1 min in the Customer support queue (its time-out): moved to Billing: an automatic message goes to the customer.',
      },
      { direction: 'outbound', text: 'All our agents are busy; we will answer you shortly.', automatic: true },
    ]);
    expect(customerReceived(t).some((m) => m.includes('All our agents are busy'))).toBe(true);

    // Billing's own time-out sends it back; the message is not sent again, and nothing loops.
    await setSkill(t, DEMO.billingSkillId, {
      queueTimeoutSeconds: 30,
      secondarySkillId: DEMO.skillId,
      queueTimeoutMessage: 'Still busy.',
    });
    t.clock.advance(30_000);
    await t.sweep();
    t.clock.advance(10 * 60_000);
    await t.sweep();
    expect(only(t).skillId).toBe(DEMO.skillId);
    expect(transcript(t).filter((m) => m.automatic)).toHaveLength(1);
    expect(transcript(t).filter((m) => m.direction === 'system')).toHaveLength(2);

    // Bruno (billing and support) goes available: it is offered to him.
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    expect((await t.call('GET', '/api/agent/offers', { token: bruno })).body).toHaveLength(1);
  });

  it('sends the approved template once the window has closed, and records a refusal plainly', async () => {
    const t = await testPlatform();
    await setSkill(t, DEMO.skillId, {
      queueTimeoutSeconds: 86_400,
      queueTimeoutMessage: 'Busy.',
      queueTimeoutTemplate: { name: DEMO.surveyTemplateName, language: 'en_US' },
    });
    await t.customerSays('hello');
    t.clock.advance(86_400_000);
    await t.sweep();
    expect(transcript(t).at(-1)).toEqual({
      direction: 'outbound',
      text: 'Thank you, María García! How did we do? Reply with a number from 1 (poor) to 5 (great).',
      automatic: true,
    });
    expect(only(t).skillId).toBe(DEMO.skillId);

    // A template WhatsApp refuses (two placeholders, only the name to give) is recorded, not retried.
    const other = await testPlatform();
    await setSkill(other, DEMO.skillId, {
      queueTimeoutSeconds: 86_400,
      queueTimeoutTemplate: { name: DEMO.templateName, language: 'en_US' },
    });
    await other.customerSays('hello');
    other.clock.advance(86_400_000);
    await other.sweep();
    other.clock.advance(60_000);
    await other.sweep();
    const notes = transcript(other).filter((m) => m.direction === 'system');
    expect(notes.map((m) => m.text)).toEqual([
      'Waited 24 h in the Customer support queue (its time-out): an automatic message goes to the customer.',
      'The automatic message was not sent: parameters: order_update needs 2 values, got 1',
    ]);
  });

  it('says no message went when the window closed and only free text is set', async () => {
    const t = await testPlatform();
    await setSkill(t, DEMO.skillId, { queueTimeoutSeconds: 86_400, queueTimeoutMessage: 'Busy.' });
    await t.customerSays('hello');
    t.clock.advance(86_400_000);
    await t.sweep();
    expect(transcript(t).at(-1)?.text).toBe(
      'Waited 24 h in the Customer support queue (its time-out): the 24-hour window is closed and no template is set: no automatic message.',
    );
  });

  it('validates the time-out naming the field', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const skill = { name: 'Sales', acceptReject: true };
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { queueTimeoutSeconds: 60 },
        'queueTimeoutSeconds',
        'choose a secondary skill or an automatic message for the time-out to act on',
      ],
      [{ queueTimeoutMessage: 'Busy' }, 'queueTimeoutMessage', 'set a queue time-out to send it at'],
      [{ queueTimeoutSeconds: 60, secondarySkillId: 'skill_nope' }, 'secondarySkillId', 'skill_nope is not a skill'],
    ];
    for (const [changes, path, message] of cases) {
      const refused = await t.call('POST', '/api/admin/skills', { token: admin, body: { ...skill, ...changes } });
      expect(refused.status, path).toBe(400);
      expect(refused.body.error.issues).toEqual([{ path, message }]);
    }
    const tooShort = await t.call('POST', '/api/admin/skills', {
      token: admin,
      body: { ...skill, queueTimeoutSeconds: 5, secondarySkillId: DEMO.skillId },
    });
    expect(tooShort.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['queueTimeoutSeconds']);
    const self = await t.call('PUT', `/api/admin/skills/${DEMO.skillId}`, {
      token: admin,
      body: { name: DEMO.skillName, acceptReject: true, queueTimeoutSeconds: 60, secondarySkillId: DEMO.skillId },
    });
    expect(self.body.error.issues).toEqual([{ path: 'secondarySkillId', message: 'cannot be the skill itself' }]);
  });
});
