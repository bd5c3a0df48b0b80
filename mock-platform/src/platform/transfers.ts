import type { TransferRequest, TransferTargets, WrapUpView } from '../../../shared/api/schemas.ts';
import type { WriteOp } from '../store/store.ts';
import { announceWrapUp, announceWrapUpDone } from './after-contact-work.ts';
import { agentStatus } from './agent-status.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { agentLoad } from './dispatcher.ts';
import { DomainError, invalidField, notFound } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { pendingOffer, pendingWrapUp, systemMessage } from './new-records.ts';
import { agentConversation, workableConversation } from './participants.ts';
import { channelPermissionsOf, worksChannel } from './permissions.ts';
import { type Conversation, type PlatformSchema, put, type User } from './records.ts';
import { offerView, wrapUpView } from './views.ts';

/** Queues and agents a conversation can be transferred to, for the agent's searchable lists. */
/**
 * Where the agent may transfer or invite to. Asked about one of their conversations, each agent
 * also says whether their role lets them take it (`cannotTake`), so the panel greys them out
 * instead of offering a transfer the platform would refuse.
 */
export function transferTargets(ctx: PlatformContext, agent: User, conversationId?: string): TransferTargets {
  const conversation = conversationId ? agentConversation(ctx, agent, conversationId) : undefined;
  const cannotTake = (user: User) => {
    if (!conversation) return {};
    if (!worksChannel(ctx.store, user, conversation.channelId)) return { cannotTake: 'channel_not_in_role' as const };
    if (!channelPermissionsOf(ctx.store, user, conversation.channelId)?.includes('reply'))
      return { cannotTake: 'reply_not_in_role' as const };
    return {};
  };
  const agents = ctx.store.all('users').filter((user) => user.role === 'agent');
  const queues = ctx.store.all('skills').map((skill) => ({
    id: skill.id,
    name: skill.name,
    waiting: ctx.store.where('conversations', 'status', 'queued').filter((c) => c.skillId === skill.id).length,
    availableAgents: agents.filter(
      (user) => user.skills.some((s) => s.skillId === skill.id) && agentStatus(ctx, user).state === 'available',
    ).length,
  }));
  return {
    queues: queues.sort((a, b) => a.name.localeCompare(b.name)),
    agents: agents
      .filter((user) => user.id !== agent.id)
      .map((user) => ({
        id: user.id,
        displayName: user.displayName,
        state: agentStatus(ctx, user).state,
        hasRoom: agentLoad(ctx, user.id) < user.capacity,
        ...cannotTake(user),
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}

/**
 * Hands a conversation over to a queue or an available agent. The transferring agent is released
 * at once and owes a wrap-up; the receiving side must accept. If it does not (rejects, or the
 * offer expires), the transfer is abandoned and the conversation goes back to its queue: it is
 * never lost.
 */
export function transfer(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  { target }: TransferRequest,
): Promise<WrapUpView> {
  return mutate(ctx, async (ctx) => {
    const conversation = workableConversation(ctx, agent, conversationId, 'transfer');
    if (conversation.agentId !== agent.id || conversation.conference) {
      throw new DomainError(
        'conflict',
        'conference_in_progress',
        'End the conference before transferring; only the owner transfers',
      );
    }
    const now = ctx.clock.now();
    const { agentId: _agent, awaitingCustomerSince: _since, ...released } = conversation;
    const wrapUp = pendingWrapUp(ctx, conversationId, agent.id, 'transfer');
    const ops: WriteOp<PlatformSchema>[] = [put('wrapUps', wrapUp)];
    let handedTo: Conversation;
    let offer: PlatformSchema['offers'] | undefined;

    if (target.type === 'queue') {
      const queue = ctx.store.get('skills', target.skillId);
      if (!queue) throw invalidField('target.skillId', `${target.skillId} is not a queue`);
      // Whoever takes it sees who sent it: in the offer, and in the transcript.
      ops.push(
        put(
          'messages',
          systemMessage(ctx, conversationId, `${agent.displayName} transferred it to the ${queue.name} queue`),
        ),
      );
      handedTo = {
        ...released,
        transferredBy: agent.id,
        status: 'queued',
        skillId: target.skillId,
        queuedAt: now,
        skillQueuedAt: now,
        rejections: {},
        queueTimeouts: [],
      };
    } else {
      const receiver = ctx.store.get('users', target.agentId);
      if (receiver?.role !== 'agent') throw invalidField('target.agentId', `${target.agentId} is not an agent`);
      if (receiver.id === agent.id)
        throw invalidField('target.agentId', 'you cannot transfer a conversation to yourself');
      if (agentStatus(ctx, receiver).state !== 'available' || agentLoad(ctx, receiver.id) >= receiver.capacity) {
        throw new DomainError(
          'conflict',
          'agent_not_available',
          `${receiver.displayName} is not available to take a conversation`,
        );
      }
      if (!worksChannel(ctx.store, receiver, conversation.channelId)) {
        throw new DomainError(
          'conflict',
          'channel_not_in_role',
          `${receiver.displayName}'s role does not include this channel`,
        );
      }
      // An offer she could not answer would strand the customer (the dispatcher's rule too).
      if (!channelPermissionsOf(ctx.store, receiver, conversation.channelId)?.includes('reply')) {
        throw new DomainError(
          'conflict',
          'reply_not_in_role',
          `${receiver.displayName}'s role does not have the Reply permission on this channel`,
        );
      }
      offer = pendingOffer(conversationId, receiver.id, now, { fromAgentId: agent.id });
      handedTo = { ...released, status: 'offered', offerId: offer.id };
      ops.push(put('offers', offer));
    }
    ops.push(put('conversations', handedTo));
    await ctx.store.commit(ops);

    const view = wrapUpView(ctx, wrapUp);
    const topic = agentTopic(agent.id);
    ctx.events.publish(topic, 'conversation.removed', { conversationId });
    announceWrapUp(ctx, agent.id, view);
    if (offer) ctx.events.publish(agentTopic(offer.agentId), 'offer', offerView(ctx, offer, handedTo));
    void ctx.routing.request();
    return view;
  });
}

export function pendingWrapUps(ctx: PlatformContext, agent: User): WrapUpView[] {
  return ctx.store
    .where('wrapUps', 'agentId', agent.id)
    .filter((wrapUp) => wrapUp.status === 'pending')
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((wrapUp) => wrapUpView(ctx, wrapUp));
}

/** The agent completes a pending wrap-up with a closure reason. */
export function completeWrapUp(
  ctx: PlatformContext,
  agent: User,
  wrapUpId: string,
  { closureReasonId, note }: { closureReasonId: string; note?: string | undefined },
): Promise<void> {
  return mutate(ctx, async (ctx) => {
    const wrapUp = ctx.store.get('wrapUps', wrapUpId);
    if (!wrapUp || wrapUp.agentId !== agent.id) throw notFound(`Wrap-up ${wrapUpId}`);
    if (wrapUp.status !== 'pending')
      throw new DomainError('conflict', 'wrap_up_done', `Wrap-up ${wrapUpId} is already done`);
    if (!ctx.store.get('closureReasons', closureReasonId)) {
      throw invalidField('closureReasonId', `${closureReasonId} is not a closure reason`);
    }
    await ctx.store.commit([
      put('wrapUps', {
        ...wrapUp,
        status: 'done',
        closureReasonId,
        ...(note ? { note } : {}),
        doneAt: ctx.clock.now(),
      }),
    ]);
    announceWrapUpDone(ctx, agent.id, wrapUpId);
    // Out of after-contact work: waiting conversations may go to her again.
    void ctx.routing.request();
  });
}
