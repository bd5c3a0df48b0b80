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

/** Available agents with a skill (and room or not: `chooseAgent` checks), minus `excluded`. */
export function candidatesFor(
  ctx: PlatformContext,
  skillId: string,
  excluded: readonly string[] = [],
): RoutingCandidate[] {
  const candidates: RoutingCandidate[] = [];
  for (const user of ctx.store.all('users')) {
    if (user.role !== 'agent') continue;
    const skill = user.skills.find((s) => s.skillId === skillId);
    const status = ctx.store.get('agentStatus', user.id);
    if (!skill || status?.state !== 'available' || excluded.includes(user.id)) continue;
    candidates.push({
      agentId: user.id,
      proficiency: skill.proficiency,
      load: agentLoad(ctx, user.id),
      capacity: user.capacity,
      idleSince: status.lastAssignedAt ?? status.since,
    });
  }
  return candidates;
}

/** The customer's preferred agent for this conversation's skill, by case or by customer. */
function preferredAgent(ctx: PlatformContext, conversation: Conversation): string | undefined {
  const evaluation = ctx.store.get('skills', conversation.skillId)?.evaluation;
  if (evaluation?.mode !== 'preferred') return undefined;
  const customer = ctx.store.get('customers', conversation.customerWaId);
  return evaluation.focus === 'case' ? customer?.lastAgentByChannel?.[conversation.channelId] : customer?.lastAgentId;
}

/**
 * Offers every waiting conversation it can to an available agent, highest priority and longest
 * waiting first. Must run inside `ctx.serial`.
 */
export async function dispatch(ctx: PlatformContext): Promise<void> {
  const waiting = ctx.store
    .where('conversations', 'status', 'queued')
    .sort((a, b) => b.priority - a.priority || a.queuedAt - b.queuedAt);
  for (const conversation of waiting) {
    const now = ctx.clock.now();
    const decision = decideRouting({
      candidates: candidatesFor(ctx, conversation.skillId, conversation.rejectedBy),
      evaluation: ctx.store.get('skills', conversation.skillId)?.evaluation ?? { mode: 'proficiency' },
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
    await ctx.store.commit(ops);
    ctx.events.publish(agentTopic(agentId), 'offer', offerView(ctx, offer, conversation));
  }
}
