import type { AgentStatus, ConversationView, OfferView } from '../../../shared/api/schemas.ts';
import { newId } from '../../../shared/ids.ts';
import type { WriteOp } from '../store/store.ts';
import { announceWrapUp } from './after-contact-work.ts';
import { agentStatus } from './agent-status.ts';
import { joinConference, withdrawInvitation } from './conference.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { DomainError, notFound } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { pendingWrapUp, systemMessage } from './new-records.ts';
import { agentConversation } from './participants.ts';
import { requirePermission } from './permissions.ts';
import type { PlatformSchema, User } from './records.ts';
import { put } from './records.ts';
import { abandonedTransferNotice } from './transfer-notices.ts';
import { conversationView, offerView, wrapUpView } from './views.ts';

export { agentStatus };

/**
 * Available or Unavailable (with a reason: the one she picked, checked by the caller with
 * `checkChosenReason`, or a system one), as the agent chooses. Going unavailable hands pending offers back to the queue (in their original
 * place); going available starts routing to the agent.
 */
export function setAgentState(
  ctx: PlatformContext,
  agent: User,
  state: 'available' | 'unavailable',
  reasonId?: string,
  /** Written in the same commit (a supervisor's audit entry, the sessions she signs out). */
  also: WriteOp<PlatformSchema>[] = [],
): Promise<AgentStatus> {
  return mutate(ctx, async (ctx) => {
    const status = await changeAgentState(ctx, agent.id, state, reasonId, also);
    void ctx.routing.request();
    return status;
  });
}

/**
 * Commits the agent's new state (with its reason when Unavailable) and tells her panel. Going
 * Unavailable revokes her pending offers: their conversations go back to the queue in their
 * place, with no RONA (she did not let them time out), and a pending conference invitation is
 * withdrawn. Runs inside a mutation; the caller asks for routing afterwards.
 */
export async function changeAgentState(
  ctx: PlatformContext,
  agentId: string,
  state: 'available' | 'unavailable',
  reasonId?: string,
  also: WriteOp<PlatformSchema>[] = [],
): Promise<AgentStatus> {
  const now = ctx.clock.now();
  const previous = ctx.store.get('agentStatus', agentId);
  const ops: WriteOp<PlatformSchema>[] = [
    put('agentStatus', {
      id: agentId,
      state,
      since: now,
      ...(previous?.lastAssignedAt ? { lastAssignedAt: previous.lastAssignedAt } : {}),
      ...(state === 'unavailable' && reasonId ? { reasonId } : {}),
    }),
    ...also,
  ];
  const revoked: string[] = [];
  const after: (() => void)[] = [];
  if (state === 'unavailable') {
    for (const offer of ctx.store.where('offers', 'agentId', agentId)) {
      if (offer.status !== 'pending') continue;
      const conversation = ctx.store.get('conversations', offer.conversationId);
      const withdrawal = withdrawInvitation(ctx, offer);
      ops.push(...withdrawal.ops, put('offers', { ...offer, status: 'revoked', answeredAt: now }));
      after.push(withdrawal.after);
      if (conversation?.offerId === offer.id) {
        const { offerId: _offer, ...rest } = conversation;
        ops.push(put('conversations', { ...rest, status: 'queued' }));
      }
      revoked.push(offer.id);
    }
  }
  await ctx.store.commit(ops);
  const status = agentStatus(ctx, { id: agentId });
  const topic = agentTopic(agentId);
  for (const offerId of revoked) ctx.events.publish(topic, 'offer.revoked', { offerId });
  for (const announce of after) announce();
  ctx.events.publish(topic, 'agent.state', status);
  return status;
}

/** The agent takes an offered conversation: it becomes theirs and active. */
export function acceptOffer(ctx: PlatformContext, agent: User, offerId: string): Promise<ConversationView> {
  return mutate(ctx, async (ctx) => {
    const offer = ctx.store.get('offers', offerId);
    if (!offer || offer.agentId !== agent.id) throw notFound(`Offer ${offerId}`);
    if (offer.status !== 'pending') {
      throw new DomainError(
        'conflict',
        'offer_not_pending',
        `Offer ${offerId} is ${offer.status} and can no longer be accepted`,
      );
    }
    if (offer.purpose === 'conference') {
      return conversationView(ctx, await joinConference(ctx, agent, offer), agent.id);
    }
    const conversation = ctx.store.get('conversations', offer.conversationId);
    if (!conversation || conversation.offerId !== offer.id) throw notFound(`The conversation of offer ${offerId}`);
    const now = ctx.clock.now();
    const { offerId: _offer, transferredBy: _transferredBy, ...rest } = conversation;
    const active = { ...rest, status: 'active' as const, agentId: agent.id };
    const ops: WriteOp<PlatformSchema>[] = [
      put('offers', { ...offer, status: 'accepted', answeredAt: now }),
      put('conversations', active),
    ];
    // The receiving agent becomes the customer's preferred agent (RT-5).
    const customer = ctx.store.get('customers', conversation.customerWaId);
    if (customer) {
      ops.push(
        put('customers', {
          ...customer,
          lastAgentId: agent.id,
          lastAgentByChannel: { ...customer.lastAgentByChannel, [conversation.channelId]: agent.id },
        }),
      );
    }
    const from = offer.fromAgentId ? ctx.store.get('users', offer.fromAgentId) : undefined;
    if (from) {
      ops.push(
        put('messages', systemMessage(ctx, active.id, `Transferred from ${from.displayName} to ${agent.displayName}`)),
      );
    }
    await ctx.store.commit(ops);
    const view = conversationView(ctx, active);
    ctx.events.publish(agentTopic(agent.id), 'conversation.updated', view);
    return view;
  });
}

export function pendingOffers(ctx: PlatformContext, agent: User) {
  return ctx.store.where('offers', 'agentId', agent.id).filter((offer) => offer.status === 'pending');
}

/** The agent's pending offers as she sees them (an offer whose conversation is gone is not shown). */
export function pendingOfferViews(ctx: PlatformContext, agent: User): OfferView[] {
  return pendingOffers(ctx, agent).flatMap((offer) => {
    const conversation = ctx.store.get('conversations', offer.conversationId);
    return conversation ? [offerView(ctx, offer, conversation)] : [];
  });
}

/**
 * The agent declines an offer (only where the skill allows it): the conversation goes back to
 * the queue in its place and on to another eligible agent with room; it comes back to her only
 * once the skill's rejection cooldown has passed (sooner would just offer it again at once).
 */
export function rejectOffer(ctx: PlatformContext, agent: User, offerId: string): Promise<void> {
  return mutate(ctx, async (ctx) => {
    const offer = ctx.store.get('offers', offerId);
    if (!offer || offer.agentId !== agent.id) throw notFound(`Offer ${offerId}`);
    if (offer.status !== 'pending') {
      throw new DomainError(
        'conflict',
        'offer_not_pending',
        `Offer ${offerId} is ${offer.status} and can no longer be rejected`,
      );
    }
    if (offer.purpose === 'conference') {
      // Declining to join is always allowed: the owner simply carries on alone.
      const withdrawal = withdrawInvitation(ctx, offer);
      await ctx.store.commit([
        put('offers', { ...offer, status: 'rejected', answeredAt: ctx.clock.now() }),
        ...withdrawal.ops,
      ]);
      ctx.events.publish(agentTopic(agent.id), 'offer.revoked', { offerId });
      withdrawal.after();
      return;
    }
    const conversation = ctx.store.get('conversations', offer.conversationId);
    if (!conversation || conversation.offerId !== offer.id) throw notFound(`The conversation of offer ${offerId}`);
    const skill = ctx.store.get('skills', conversation.skillId);
    if (!skill?.acceptReject) {
      throw new DomainError(
        'conflict',
        'reject_not_allowed',
        `Offers of the ${skill?.name ?? 'this'} queue cannot be rejected`,
      );
    }
    const { offerId: _offer, ...rest } = conversation;
    const now = ctx.clock.now();
    const rejections = { ...conversation.rejections, [agent.id]: now };
    await ctx.store.commit([
      put('offers', { ...offer, status: 'rejected', answeredAt: now }),
      put('conversations', { ...rest, status: 'queued', rejections }),
      ...abandonedTransferNotice(ctx, offer, conversation),
    ]);
    ctx.events.publish(agentTopic(agent.id), 'offer.revoked', { offerId });
    void ctx.routing.request();
  });
}

/** The agent ends a conversation with a closure reason (the wrap-up); it leaves their desk. */
export function endConversation(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  wrapUp: { closureReasonId: string; note?: string | undefined },
): Promise<ConversationView> {
  return mutate(ctx, async (ctx) => {
    const conversation = agentConversation(ctx, agent, conversationId);
    if (conversation.status !== 'active') {
      throw new DomainError(
        'conflict',
        'conversation_not_active',
        `Conversation ${conversationId} is ${conversation.status}`,
      );
    }
    if (conversation.agentId !== agent.id) {
      throw new DomainError(
        'forbidden',
        'not_owner',
        'Only the owner ends the conversation; leave the conference instead',
      );
    }
    // An interrupted conversation (its channel deleted, AG-4) can always be ended: that is all
    // that is left to do with it, and the channel is no longer in anyone's role.
    if (!conversation.interrupted) requirePermission(ctx.store, agent, conversation, 'end');
    if (!ctx.store.get('closureReasons', wrapUp.closureReasonId)) {
      throw new DomainError(
        'invalid',
        'validation_failed',
        `closureReasonId: ${wrapUp.closureReasonId} is not a closure reason`,
        [{ path: 'closureReasonId', message: 'is not a closure reason' }],
      );
    }
    const guestId = conversation.conference?.state === 'active' ? conversation.conference.agentId : undefined;
    const { conference: _conference, ...withoutConference } = conversation;
    const ended = {
      ...withoutConference,
      status: 'ended' as const,
      endedAt: ctx.clock.now(),
      endedBy: 'agent' as const,
      closureReasonId: wrapUp.closureReasonId,
      ...(wrapUp.note ? { wrapUpNote: wrapUp.note } : {}),
    };
    await ctx.store.commit([
      put('conversations', ended),
      put('wrapUps', {
        id: newId('wrap'),
        conversationId,
        agentId: agent.id,
        reason: 'end',
        status: 'done',
        createdAt: ended.endedAt,
        doneAt: ended.endedAt,
        closureReasonId: wrapUp.closureReasonId,
        ...(wrapUp.note ? { note: wrapUp.note } : {}),
      }),
    ]);
    const view = conversationView(ctx, ended);
    ctx.events.publish(agentTopic(agent.id), 'conversation.updated', view);
    if (guestId) {
      // The guest's part ends with the conversation: they wrap up too.
      const guestWrapUp = pendingWrapUp(ctx, conversationId, guestId, 'conference');
      await ctx.store.commit([put('wrapUps', guestWrapUp)]);
      ctx.events.publish(agentTopic(guestId), 'conversation.updated', conversationView(ctx, ended, guestId));
      announceWrapUp(ctx, guestId, wrapUpView(ctx, guestWrapUp));
    }
    // The agent has room again: waiting conversations may go to them.
    void ctx.routing.request();
    return view;
  });
}

/**
 * An agent signed out: she can no longer see offers, so she becomes Unavailable ("signed out")
 * at once and her pending offers go back to the queue for someone else.
 */
export function signOutAgent(ctx: PlatformContext, user: User): Promise<void> {
  if (user.role !== 'agent') return Promise.resolve();
  return mutate(ctx, async (ctx) => {
    await changeAgentState(ctx, user.id, 'unavailable', 'signed-out');
    void ctx.routing.request();
  });
}
