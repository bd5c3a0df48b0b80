import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../shared/routing/choose-agent.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;
const minute = 60_000;

async function setup(evaluation: Evaluation) {
  const t = await testPlatform();
  const skill = t.store.get('skills', DEMO.skillId);
  if (!skill) throw new Error('no demo skill');
  await t.store.commit([put('skills', { ...skill, evaluation })]);
  const ana = await t.login('ana', 'loro-agent');
  const bruno = await t.login('bruno', 'loro-agent');
  return { t, ana, bruno };
}

const state = (t: Harness, token: string, next: 'available' | 'unavailable') =>
  t.call('PUT', '/api/agent/state', { token, body: { state: next } });
const offersOf = async (t: Harness, token: string) =>
  (await t.call('GET', '/api/agent/offers', { token })).body as { id: string; conversationId: string }[];

/** María's first conversation is handled (and ended) by Bruno: he becomes her preferred agent. */
async function brunoHandledMaria(t: Harness, ana: string, bruno: string) {
  await state(t, bruno, 'available');
  await t.customerSays('first contact');
  const [offer] = await offersOf(t, bruno);
  const { body } = await t.call('POST', `/api/offers/${offer?.id}/accept`, { token: bruno });
  await t.call('POST', `/api/conversations/${body.id}/end`, {
    token: bruno,
    body: { closureReasonId: 'closure_resolved' },
  });
  await state(t, ana, 'available');
}

describe('preferred agent routing (RT-5)', () => {
  it('sends the customer back to the agent who last worked with them, over a more proficient one', async () => {
    const { t, ana, bruno } = await setup({
      mode: 'preferred',
      focus: 'customer',
      lock: 'available',
      reservationMinutes: 0,
    });
    await brunoHandledMaria(t, ana, bruno);
    await t.customerSays('second contact');
    expect(await offersOf(t, ana)).toEqual([]);
    expect(await offersOf(t, bruno)).toHaveLength(1);
  });

  it('"when available": routes at once by proficiency when the preferred agent is away', async () => {
    const { t, ana, bruno } = await setup({
      mode: 'preferred',
      focus: 'customer',
      lock: 'available',
      reservationMinutes: 10,
    });
    await brunoHandledMaria(t, ana, bruno);
    await state(t, bruno, 'unavailable');
    await t.customerSays('second contact');
    expect(await offersOf(t, ana)).toHaveLength(1);
  });

  it('"when offline": holds the contact for the preferred agent during the reservation time', async () => {
    const { t, ana, bruno } = await setup({
      mode: 'preferred',
      focus: 'customer',
      lock: 'offline',
      reservationMinutes: 10,
    });
    await brunoHandledMaria(t, ana, bruno);
    await state(t, bruno, 'unavailable');
    await t.customerSays('second contact');
    t.clock.advance(9 * minute);
    await t.sweep();
    expect(await offersOf(t, ana)).toEqual([]);
    // Bruno comes back within the reservation: it is his.
    await state(t, bruno, 'available');
    expect(await offersOf(t, bruno)).toHaveLength(1);
  });

  it('"when offline": routes by proficiency once the reservation time has passed', async () => {
    const { t, ana, bruno } = await setup({
      mode: 'preferred',
      focus: 'customer',
      lock: 'offline',
      reservationMinutes: 10,
    });
    await brunoHandledMaria(t, ana, bruno);
    await state(t, bruno, 'unavailable');
    await t.customerSays('second contact');
    t.clock.advance(10 * minute);
    await t.sweep();
    expect(await offersOf(t, ana)).toHaveLength(1);
  });

  it('by case looks at the channel; by customer at any channel; the receiving agent becomes the preferred one', async () => {
    const { t, ana, bruno } = await setup({
      mode: 'preferred',
      focus: 'case',
      lock: 'available',
      reservationMinutes: 0,
    });
    await brunoHandledMaria(t, ana, bruno);
    const customer = t.store.get('customers', '34612345678');
    expect(customer).toMatchObject({
      lastAgentId: DEMO.users.bruno.id,
      lastAgentByChannel: { [DEMO.channelId]: DEMO.users.bruno.id },
    });
    // On another channel Bruno is nobody's preferred agent "by case": Ana (more proficient) gets it.
    await t.store.commit([
      put('customers', {
        ...(customer ?? { id: '34612345678', name: 'María', firstSeenAt: 0 }),
        lastAgentByChannel: { ch_other: DEMO.users.bruno.id },
      }),
    ]);
    await t.customerSays('second contact');
    expect(await offersOf(t, ana)).toHaveLength(1);
    const [offer] = await offersOf(t, ana);
    await t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana });
    expect(t.store.get('customers', '34612345678')?.lastAgentByChannel?.[DEMO.channelId]).toBe(DEMO.users.ana.id);
  });
});
