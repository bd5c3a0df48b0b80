import { newId } from '../../../shared/ids.ts';
import { decideRouting, type RoutingCandidate } from '../../../shared/routing/choose-agent.ts';
import type { WriteOp } from '../store/store.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { activeConversations } from './participants.ts';
import type { Conversation, PlatformSchema } from './records.ts';
import { put } from './records.ts';
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
 * Who can take conversations in this pass: available agents with room, per skill, whose role
 * includes the conversation's channel (RP-1). Built once per pass and updated as offers are made,
 * so a long queue behind full agents costs one map lookup per waiting conversation, not a scan of
 * every agent.
 */
export class Availability {
  readonly #withRoom = new Map<string, Map<string, RoutingCandidate>>();
  /** Agent id → the channels their role includes. */
  readonly #channels = new Map<string, Readonly<Record<string, unknown>>>();

  constructor(ctx: PlatformContext) {
    for (const user of ctx.store.all('users')) {
      if (user.role !== 'agent') continue;
      const status = ctx.store.get('agentStatus', user.id);
      if (status?.state !== 'available') continue;
      const role = user.roleId ? ctx.store.get('roles', user.roleId) : undefined;
      if (!role) continue;
      const load = agentLoad(ctx, user.id);
      if (load >= user.capacity) continue;
      this.#channels.set(user.id, role.channels);
      for (const { skillId, proficiency } of user.skills) {
        let agents = this.#withRoom.get(skillId);
        if (!agents) {
          agents = new Map();
          this.#withRoom.set(skillId, agents);
        }
        agents.set(user.id, {
          agentId: user.id,
          proficiency,
          load,
          capacity: user.capacity,
          idleSince: status.lastAssignedAt ?? status.since,
        });
      }
    }
  }

  candidates(skillId: string, channelId: string, excluded: readonly string[] = []): RoutingCandidate[] {
    const agents = this.#withRoom.get(skillId);
    if (!agents) return [];
    return [...agents.values()].filter(
      (candidate) => !excluded.includes(candidate.agentId) && this.#channels.get(candidate.agentId)?.[channelId],
    );
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
 * waiting first. Must run inside `ctx.serial`.
 */
export async function dispatch(ctx: PlatformContext): Promise<void> {
  const availability = new Availability(ctx);
  const waiting = ctx.store
    .where('conversations', 'status', 'queued')
    .sort((a, b) => b.priority - a.priority || a.queuedAt - b.queuedAt);
  const durable: Promise<void>[] = [];
  for (const conversation of waiting) {
    const candidates = availability.candidates(conversation.skillId, conversation.channelId, conversation.rejectedBy);
    const evaluation = ctx.store.get('skills', conversation.skillId)?.evaluation ?? { mode: 'proficiency' as const };
    // Nobody with room, and no reservation to honour: nothing to decide.
    if (candidates.length === 0 && evaluation.mode === 'proficiency') continue;
    const now = ctx.clock.now();
    const decision = decideRouting({
      candidates,
      evaluation,
      preferredAgentId: preferredAgent(ctx, conversation),
      waitingSince: conversation.queuedAt,
      now,
    });
    if (decision.kind === 'wait') continue;
    const { agentId } = decision;
    const offer = {
      id: newId('offer'),
      conversationId: conversation.id,
      agentId,
      status: 'pending' as const,
      offeredAt: now,
    };
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
