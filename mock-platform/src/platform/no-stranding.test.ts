import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AgentEvents } from '../../../shared/api/schemas.ts';
import { ManualClock } from '../../../shared/clock.ts';
import { rejectionExcluded } from '../../../shared/routing/timers.ts';
import { webhookEnvelopeSchema } from '../../../shared/whatsapp/webhook-schema.ts';
import { AgentStreams } from '../events/agent-streams.ts';
import { EventHub } from '../events/event-hub.ts';
import { memoryJournal } from '../store/journal-files.ts';
import { JournalStore } from '../store/journal-store.ts';
import { createGraphClient } from '../whatsapp/graph-client.ts';
import { acceptOffer, endConversation, rejectOffer, setAgentState } from './agents.ts';
import { memoryArchive } from './archive.ts';
import { type PlatformContext, Sequence } from './context.ts';
import { agentLoad, routingPass } from './dispatcher.ts';
import { DomainError } from './domain-errors.ts';
import { receiveWebhook } from './inbound.ts';
import { Presence } from './presence.ts';
import { type PlatformSchema, platformIndexes, platformSchemas, put, type User } from './records.ts';
import { isEligible } from './routing-eligibility.ts';
import { RoutingPasses } from './routing-passes.ts';
import { Serial } from './serial.ts';
import { sweep } from './timers.ts';
import { WebhookSkips } from './webhook-items.ts';

/**
 * The no-stranding invariant (issue 13): after a sweep, no conversation waits while an agent
 * eligible for it (`isEligible`, and not in her rejection cooldown for it) is Available with room.
 * Checked over random working days: customers writing on two channels, agents going available
 * and unavailable, accepting, rejecting, ending, and the clock moving (offers expire into RONA,
 * cooldowns end, queue time-outs overflow). Agents have random skills, capacities and roles, one of which lacks Reply on a
 * channel. Runs on the domain functions with an in-memory store, so hundreds of days take seconds.
 */

const CHANNELS = [
  { id: 'ch_one', phoneNumberId: '200000000000011', skillId: 'skill_support' },
  { id: 'ch_two', phoneNumberId: '200000000000012', skillId: 'skill_billing' },
] as const;
const SKILLS = ['skill_support', 'skill_billing'] as const;
const ROLES = {
  everything: { ch_one: ['reply', 'end'], ch_two: ['reply', 'end'] },
  // Works channel two, and may see channel one but not answer there: never offered its conversations.
  noReplyOnOne: { ch_one: ['end', 'transfer'], ch_two: ['reply', 'end'] },
  onlyOne: { ch_one: ['reply', 'end'] },
} as const;
const CUSTOMERS = ['34612000001', '34612000002', '34612000003', '34612000004', '34612000005'];

const agentArb = fc.record({
  skills: fc.subarray([...SKILLS], { minLength: 1 }),
  proficiency: fc.integer({ min: 1, max: 10 }),
  capacity: fc.integer({ min: 1, max: 3 }),
  role: fc.constantFrom(...(Object.keys(ROLES) as (keyof typeof ROLES)[])),
});

const setupArb = fc.record({
  agents: fc.array(agentArb, { minLength: 1, maxLength: 4 }),
  cooldowns: fc.tuple(fc.constantFrom(0, 10, 60, undefined), fc.constantFrom(0, 10, 60, undefined)),
  responseSeconds: fc.constantFrom(10, 30, undefined),
  /** Support's queue time-out overflows to billing (its secondary skill). */
  overflow: fc.boolean(),
});

const stepArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('write' as const),
      customer: fc.integer({ min: 0, max: CUSTOMERS.length - 1 }),
      channel: fc.integer({ min: 0, max: 1 }),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('available' as const), agent: fc.nat(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unavailable' as const), agent: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('accept' as const), agent: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('reject' as const), agent: fc.nat(3) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('end' as const), agent: fc.nat(3) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('clock' as const), ms: fc.integer({ min: 0, max: 90_000 }) }) },
);
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

async function workingDay(setup: typeof setupArb extends fc.Arbitrary<infer S> ? S : never) {
  const store = await JournalStore.open<PlatformSchema>({
    files: memoryJournal(),
    indexes: platformIndexes,
    schemas: platformSchemas,
  });
  const clock = new ManualClock();
  const ctx: PlatformContext = {
    store,
    clock,
    events: new EventHub<AgentEvents>(),
    streams: new AgentStreams(store, clock),
    serial: new Serial(),
    routing: new RoutingPasses(() => routingPass(ctx)),
    archive: memoryArchive(),
    messageSeq: new Sequence(),
    presence: new Presence(clock),
    webhookSkips: new WebhookSkips(),
    // Nothing in these days talks to WhatsApp; a call would fail the run loudly.
    graph: createGraphClient({
      baseUrl: 'http://graph.invalid',
      version: 'v23.0',
      token: 'unused',
      fetch: () => Promise.reject(new Error('no Graph call expected')),
    }),
  };
  const agents: User[] = setup.agents.map((agent, index) => ({
    id: `user_${index}`,
    username: `agent${index}`,
    displayName: `Agent ${index}`,
    role: 'agent',
    roleId: `role_${agent.role}`,
    passwordHash: 'x',
    skills: agent.skills.map((skillId) => ({ skillId, proficiency: agent.proficiency })),
    capacity: agent.capacity,
  }));
  await store.commit([
    put('settings', { id: 'tenant', maskSensitiveData: false }),
    put('accounts', { id: 'acct', name: 'Shop', wabaId: '100' }),
    ...SKILLS.map((id, index) => {
      const cooldown = setup.cooldowns[index];
      return put('skills', {
        id,
        name: id,
        acceptReject: true,
        ...(cooldown !== undefined ? { rejectCooldownSeconds: cooldown } : {}),
        ...(setup.responseSeconds ? { agentResponseSeconds: setup.responseSeconds } : {}),
        ...(setup.overflow && id === 'skill_support'
          ? { queueTimeoutSeconds: 45, secondarySkillId: 'skill_billing' }
          : {}),
      });
    }),
    ...CHANNELS.map((channel, index) =>
      put('channels', {
        id: channel.id,
        accountId: 'acct',
        name: channel.id,
        phoneNumberId: channel.phoneNumberId,
        phoneNumber: `+1614555000${index}`,
        status: 'approved',
        defaultSkillId: channel.skillId,
      }),
    ),
    ...Object.entries(ROLES).map(([name, channels]) =>
      put('roles', {
        id: `role_${name}`,
        name,
        channels: Object.fromEntries(Object.entries(channels).map(([id, granted]) => [id, [...granted]])),
      }),
    ),
    put('closureReasons', { id: 'closure_done', name: 'Done' }),
    ...agents.map((agent) => put('users', agent)),
  ]);
  let wamid = 0;

  /** Domain refusals (409s: nothing to accept, not allowed…) are part of a real day. */
  const tolerate = (error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
  };

  async function apply(step: Step): Promise<void> {
    if (step.kind === 'clock') {
      clock.advance(step.ms);
      await sweep(ctx);
      checkInvariant();
      return;
    }
    if (step.kind === 'write') {
      const channel = CHANNELS[step.channel] ?? CHANNELS[0];
      const from = CUSTOMERS[step.customer] ?? '34612000001';
      wamid += 1;
      const envelope = webhookEnvelopeSchema.parse({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: '100',
            changes: [
              {
                field: 'messages',
                value: {
                  messaging_product: 'whatsapp',
                  metadata: { display_phone_number: '16145550000', phone_number_id: channel.phoneNumberId },
                  contacts: [{ profile: { name: 'Cliente' }, wa_id: from }],
                  messages: [
                    {
                      from,
                      id: `wamid.${wamid}`,
                      timestamp: String(Math.floor(clock.now() / 1000)),
                      type: 'text',
                      text: { body: 'hola' },
                    },
                  ],
                },
              },
            ],
          },
        ],
      });
      await receiveWebhook(ctx, envelope);
      return;
    }
    const agent = agents[step.agent % agents.length];
    if (!agent) return;
    const pending = store.where('offers', 'agentId', agent.id).find((offer) => offer.status === 'pending');
    switch (step.kind) {
      case 'available':
      case 'unavailable':
        await setAgentState(ctx, agent, step.kind);
        return;
      case 'accept':
        if (pending) await acceptOffer(ctx, agent, pending.id).catch(tolerate);
        return;
      case 'reject':
        if (pending) await rejectOffer(ctx, agent, pending.id).catch(tolerate);
        return;
      case 'end': {
        const mine = store.where('conversations', 'agentId', agent.id).find((c) => c.status === 'active');
        if (mine) await endConversation(ctx, agent, mine.id, { closureReasonId: 'closure_done' }).catch(tolerate);
        return;
      }
    }
  }

  function checkInvariant(): void {
    const now = clock.now();
    for (const agent of agents) {
      expect(agentLoad(ctx, agent.id), `${agent.id} over capacity`).toBeLessThanOrEqual(agent.capacity);
    }
    for (const conversation of store.all('conversations')) {
      if (conversation.status === 'offered') {
        const offer = conversation.offerId ? store.get('offers', conversation.offerId) : undefined;
        expect(offer?.status, `${conversation.id} is offered without a pending offer`).toBe('pending');
        const agent = agents.find((a) => a.id === offer?.agentId);
        const granted = store.get('roles', agent?.roleId ?? '')?.channels[conversation.channelId] ?? [];
        expect(granted, `${conversation.id} offered to ${agent?.id} who cannot reply`).toContain('reply');
      }
      if (conversation.status !== 'queued') continue;
      const skill = store.get('skills', conversation.skillId);
      const cooling = rejectionExcluded(conversation.rejections, now, skill?.rejectCooldownSeconds);
      const idle = agents.filter(
        (agent) =>
          isEligible(ctx, agent, conversation) &&
          agentLoad(ctx, agent.id) < agent.capacity &&
          !cooling.includes(agent.id),
      );
      expect(
        idle.map((agent) => agent.id),
        `${conversation.id} (${conversation.skillId} on ${conversation.channelId}) waits while these agents could take it`,
      ).toEqual([]);
    }
  }

  return { apply, checkInvariant, sweep: () => sweep(ctx) };
}

describe('no customer is stranded (issue 13)', () => {
  it('after a sweep, no conversation waits while an eligible agent is Available with room', async () => {
    await fc.assert(
      fc.asyncProperty(setupArb, fc.array(stepArb, { maxLength: 40 }), async (setup, steps) => {
        const day = await workingDay(setup);
        for (const step of steps) await day.apply(step);
        // However the day ends, one more sweep leaves nobody waiting for an idle agent.
        await day.sweep();
        day.checkInvariant();
      }),
      { numRuns: 400 },
    );
  });
});
