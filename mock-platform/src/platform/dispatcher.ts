import { decideRouting, type RoutingCandidate } from '../../../shared/routing/choose-agent.ts';
import { rejectionExcluded } from '../../../shared/routing/timers.ts';
import type { WriteOp } from '../store/store.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { mutate } from './mutation.ts';
import { pendingOffer } from './new-records.ts';
import { activeConversations } from './participants.ts';
import type { Conversation, PlatformSchema } from './records.ts';
import { put } from './records.ts';
import { isEligible } from './routing-eligibility.ts';
import { offerView } from './views.ts';

/** Conversations an agent holds or is being offered: what counts against their capacity. */
export function agentLoad(ctx: PlatformContext, agentId: string): number {
  const active = activeConversations(ctx, agentId).length;
  const offered = ctx.store.where('offers', 'agentId', agentId).filter((o) => o.status === 'pending').length;
  return active + offered;
}

/** The customer's preferred agent for this conversation's skill, by case or by customer. */
function preferredAgent(ctx: PlatformContext, conversation: Conversation): string | undefined {
  const evaluation = ctx.store.get('skills', conversation.skillId)?.evaluation;
  if (evaluation?.mode !== 'preferred') return undefined;
  const customer = ctx.store.get('customers', conversation.customerWaId);
  return evaluation.focus === 'case' ? customer?.lastAgentByChannel?.[conversation.channelId] : customer?.lastAgentId;
}

/**
 * Who can take conversations in this pass: eligible agents (`isEligible`) with room, per skill and
 * channel. Each list is built the first time a pass needs it and updated as offers are made, so a
 * long queue behind full agents costs one map lookup per waiting conversation, not a scan of
 * every agent.
 */
export class Availability {
  readonly #ctx: PlatformContext;
  /** `skillId channelId` → agent id → candidate. */
  readonly #withRoom = new Map<string, Map<string, RoutingCandidate>>();

  constructor(ctx: PlatformContext) {
    this.#ctx = ctx;
  }

  candidates(skillId: string, channelId: string, excluded: readonly string[] = []): RoutingCandidate[] {
    const agents = this.#agents(skillId, channelId);
    return [...agents.values()].filter((candidate) => !excluded.includes(candidate.agentId));
  }

  #agents(skillId: string, channelId: string): Map<string, RoutingCandidate> {
    const key = `${skillId} ${channelId}`;
    let agents = this.#withRoom.get(key);
    if (agents) return agents;
    agents = new Map();
    for (const user of this.#ctx.store.all('users')) {
      if (!isEligible(this.#ctx, user, { skillId, channelId })) continue;
      const load = agentLoad(this.#ctx, user.id);
      if (load >= user.capacity) continue;
      const status = this.#ctx.store.get('agentStatus', user.id);
      agents.set(user.id, {
        agentId: user.id,
        proficiency: user.skills.find((skill) => skill.skillId === skillId)?.proficiency ?? 1,
        load,
        capacity: user.capacity,
        idleSince: status?.lastAssignedAt ?? status?.since ?? 0,
      });
    }
    this.#withRoom.set(key, agents);
    return agents;
  }

  /** The agent was just offered a conversation: one more load, and out of every list when full. */
  offered(agentId: string, now: number): void {
    for (const agents of this.#withRoom.values()) {
      const candidate = agents.get(agentId);
      if (!candidate) continue;
      candidate.load += 1;
      candidate.idleSince = now;
      if (candidate.load >= candidate.capacity) agents.delete(agentId);
    }
  }
}

/**
 * Offers every waiting conversation it can to an available agent, highest priority and longest
 * waiting first. Runs inside a mutation (see {@link routingPass}); its offers are published once
 * they are durable.
 */
export async function dispatch(ctx: PlatformContext): Promise<void> {
  const availability = new Availability(ctx);
  const waiting = ctx.store
    .where('conversations', 'status', 'queued')
    .sort((a, b) => b.priority - a.priority || a.queuedAt - b.queuedAt);
  const durable: Promise<void>[] = [];
  for (const conversation of waiting) {
    const now = ctx.clock.now();
    const skill = ctx.store.get('skills', conversation.skillId);
    // Who rejected it lately is passed over, until the skill's cooldown ends (never for good).
    const excluded = rejectionExcluded(conversation.rejections, now, skill?.rejectCooldownSeconds);
    const candidates = availability.candidates(conversation.skillId, conversation.channelId, excluded);
    const evaluation = skill?.evaluation ?? { mode: 'proficiency' as const };
    // Nobody with room, and no reservation to honour: nothing to decide.
    if (candidates.length === 0 && evaluation.mode === 'proficiency') continue;
    const decision = decideRouting({
      candidates,
      evaluation,
      preferredAgentId: preferredAgent(ctx, conversation),
      waitingSince: conversation.queuedAt,
      now,
    });
    if (decision.kind === 'wait') continue;
    const { agentId } = decision;
    // A queue transfer: the offer says who sent it.
    const offer = pendingOffer(
      conversation.id,
      agentId,
      now,
      conversation.transferredBy ? { fromAgentId: conversation.transferredBy } : {},
    );
    const status = ctx.store.get('agentStatus', agentId);
    const ops: WriteOp<PlatformSchema>[] = [
      put('offers', offer),
      put('conversations', { ...conversation, status: 'offered', offerId: offer.id }),
    ];
    if (status) ops.push(put('agentStatus', { ...status, lastAssignedAt: now }));
    // Applied at once; written together with the other offers of this pass.
    durable.push(ctx.store.commit(ops));
    availability.offered(agentId, now);
    ctx.events.publish(agentTopic(agentId), 'offer', offerView(ctx, offer, conversation));
  }
  await Promise.all(durable);
}

/** One routing pass: a mutation of its own, so its offers reach the panels only once durable. */
export function routingPass(ctx: PlatformContext): Promise<void> {
  return mutate(ctx, (held) => dispatch(held));
}
