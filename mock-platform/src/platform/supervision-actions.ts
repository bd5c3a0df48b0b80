import type { ConversationView, MessageView } from '../../../shared/api/schemas.ts';
import { newId } from '../../../shared/ids.ts';
import type { WriteOp } from '../store/store.ts';
import { announceWrapUp } from './after-contact-work.ts';
import { setAgentState } from './agents.ts';
import { archivedMessages } from './archive.ts';
import { audited } from './audit.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { agentLoad } from './dispatcher.ts';
import { DomainError, invalidField, notFound } from './domain-errors.ts';
import { maskerFor } from './masking.ts';
import { mutate } from './mutation.ts';
import { pendingOffer, pendingWrapUp, systemMessage } from './new-records.ts';
import { channelPermissionsOf, worksChannel } from './permissions.ts';
import { type Conversation, type PlatformSchema, put, remove, type User } from './records.ts';
import { checkChosenReason } from './unavailable-reasons.ts';
import { conversationView, messageView, offerView, wrapUpView } from './views.ts';

/**
 * What a supervisor does to the floor: read any conversation, move it to another agent or queue,
 * close it, make an agent Unavailable or sign her out. Each change commits with its audit entry
 * (resource `conversations` or `agents`), and every agent it touches hears of it on her stream.
 */

export type ReassignTarget = { agentId: string } | { skillId: string };

function conversationOf(ctx: PlatformContext, id: string): Conversation {
  const conversation = ctx.store.get('conversations', id);
  if (!conversation) throw notFound(`Conversation ${id}`);
  return conversation;
}

function agentOf(ctx: PlatformContext, id: string): User {
  const agent = ctx.store.get('users', id);
  if (agent?.role !== 'agent') throw notFound(`Agent ${id}`);
  return agent;
}

const nameOf = (ctx: PlatformContext, userId: string) => ctx.store.get('users', userId)?.displayName ?? userId;

/** Any conversation, read-only: its view carries no permissions, so nothing can be done from it. */
export async function supervisedConversation(
  ctx: PlatformContext,
  supervisor: User,
  id: string,
): Promise<{ conversation: ConversationView & { agentName?: string }; messages: MessageView[] }> {
  const conversation = conversationOf(ctx, id);
  const messages = (await archivedMessages(ctx, ctx.archive, conversation))
    .slice()
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.timestamp - b.timestamp)
    .map((message) => messageView(ctx, message));
  const view = conversationView(ctx, conversation, supervisor.id);
  return {
    conversation: {
      ...view,
      permissions: [],
      ...(conversation.agentId ? { agentName: nameOf(ctx, conversation.agentId) } : {}),
    },
    messages,
  };
}

/**
 * Takes a conversation off whoever holds or is offered it: pending offers are revoked, the owner
 * (and a joined guest) are released owing a wrap-up for their part. Returns the released row, the
 * writes and what to announce once they are durable.
 */
function release(
  ctx: PlatformContext,
  conversation: Conversation,
  wrapUp: 'pending' | { closureReasonId: string; note?: string | undefined },
) {
  const now = ctx.clock.now();
  const ops: WriteOp<PlatformSchema>[] = [];
  const after: (() => void)[] = [];
  const released: string[] = [];
  for (const offerId of [conversation.offerId, conversation.conference?.offerId]) {
    const offer = offerId ? ctx.store.get('offers', offerId) : undefined;
    if (offer?.status !== 'pending') continue;
    ops.push(put('offers', { ...offer, status: 'revoked', answeredAt: now }));
    after.push(() => ctx.events.publish(agentTopic(offer.agentId), 'offer.revoked', { offerId: offer.id }));
    released.push(offer.agentId);
  }
  const parts: [string, 'transfer' | 'conference'][] = [];
  if (conversation.status === 'active' && conversation.agentId) parts.push([conversation.agentId, 'transfer']);
  if (conversation.conference?.state === 'active') parts.push([conversation.conference.agentId, 'conference']);
  for (const [agentId, reason] of parts) {
    released.push(agentId);
    if (wrapUp === 'pending') {
      const owed = pendingWrapUp(ctx, conversation.id, agentId, reason);
      ops.push(put('wrapUps', owed));
      after.push(() => {
        ctx.events.publish(agentTopic(agentId), 'conversation.removed', { conversationId: conversation.id });
        announceWrapUp(ctx, agentId, wrapUpView(ctx, owed));
      });
    } else {
      // Closed for her: her part is wrapped up with the supervisor's closure reason.
      ops.push(
        put('wrapUps', {
          id: newId('wrap'),
          conversationId: conversation.id,
          agentId,
          reason: reason === 'transfer' ? 'end' : 'conference',
          status: 'done',
          createdAt: now,
          doneAt: now,
          closureReasonId: wrapUp.closureReasonId,
          ...(wrapUp.note ? { note: wrapUp.note } : {}),
        }),
      );
    }
  }
  const {
    offerId: _offer,
    agentId: _agent,
    conference: _conference,
    awaitingCustomerSince: _since,
    ...rest
  } = conversation;
  return { rest, ops, after, released };
}

/** Moves a conversation to a queue (it waits there, keeping its place) or offers it to an agent. */
export function reassign(
  ctx: PlatformContext,
  supervisor: User,
  conversationId: string,
  target: ReassignTarget,
): Promise<ConversationView> {
  return mutate(ctx, async (ctx) => {
    const conversation = conversationOf(ctx, conversationId);
    if (conversation.status === 'ended') {
      throw new DomainError('conflict', 'conversation_ended', `Conversation ${conversationId} has ended`);
    }
    if (conversation.interrupted) {
      throw new DomainError(
        'conflict',
        'conversation_interrupted',
        `${maskerFor(ctx.store, conversation).text(conversation.interrupted.reason)}: the conversation can only be closed`,
      );
    }
    const now = ctx.clock.now();
    const from = conversation.agentId ? nameOf(ctx, conversation.agentId) : undefined;
    let handedTo: Conversation;
    let offer: PlatformSchema['offers'] | undefined;
    let what: string;
    if ('skillId' in target) {
      const skill = ctx.store.get('skills', target.skillId);
      if (!skill) throw invalidField('skillId', `${target.skillId} is not a queue`);
      const { rest, ops, after, released } = release(ctx, conversation, 'pending');
      // Whoever it is taken from is passed over for the cooldown: it should not bounce straight back.
      const rejections = Object.fromEntries(released.map((agentId) => [agentId, now]));
      handedTo = {
        ...rest,
        status: 'queued',
        skillId: skill.id,
        skillQueuedAt: now,
        rejections,
        queueTimeouts: [],
      };
      what = `to the queue ${skill.name}`;
      await commit(ops, after);
    } else {
      const receiver = ctx.store.get('users', target.agentId);
      if (receiver?.role !== 'agent') throw invalidField('agentId', `${target.agentId} is not an agent`);
      if (conversation.agentId === receiver.id && conversation.status === 'active') {
        throw invalidField('agentId', `${receiver.displayName} already has this conversation`);
      }
      const reasons = [
        ctx.store.get('agentStatus', receiver.id)?.state !== 'available' ? 'is not Available' : undefined,
        agentLoad(ctx, receiver.id) >= receiver.capacity ? 'has no room (capacity reached)' : undefined,
        !worksChannel(ctx.store, receiver, conversation.channelId) ? 'has no role on this channel' : undefined,
        worksChannel(ctx.store, receiver, conversation.channelId) &&
        !channelPermissionsOf(ctx.store, receiver, conversation.channelId)?.includes('reply')
          ? 'has no Reply permission on this channel'
          : undefined,
      ].filter((reason): reason is string => reason !== undefined);
      if (reasons.length > 0) {
        throw new DomainError('conflict', 'agent_not_available', `${receiver.displayName} ${reasons.join(' and ')}`, [
          { path: 'agentId', message: reasons.join('; ') },
        ]);
      }
      const { rest, ops, after } = release(ctx, conversation, 'pending');
      offer = pendingOffer(conversationId, receiver.id, now, { fromAgentId: supervisor.id });
      handedTo = { ...rest, status: 'offered', offerId: offer.id };
      what = `to ${receiver.displayName}`;
      ops.push(put('offers', offer));
      await commit(ops, after);
    }

    async function commit(ops: WriteOp<PlatformSchema>[], after: (() => void)[]) {
      ops.push(
        put('conversations', handedTo),
        put(
          'messages',
          systemMessage(
            ctx,
            conversationId,
            `${supervisor.displayName} (supervisor) reassigned the conversation ${what}`,
          ),
        ),
        audited(
          ctx,
          supervisor,
          'update',
          'conversations',
          conversationId,
          `Reassigned conversation ${conversationId}${from ? ` from ${from}` : ''} ${what}`,
          [
            { field: 'agent', before: from ?? '—', after: 'agentId' in target ? nameOf(ctx, target.agentId) : '—' },
            ...(conversation.skillId !== handedTo.skillId
              ? [
                  {
                    field: 'queue',
                    before: ctx.store.get('skills', conversation.skillId)?.name ?? conversation.skillId,
                    after: ctx.store.get('skills', handedTo.skillId)?.name ?? handedTo.skillId,
                  },
                ]
              : []),
          ],
        ),
      );
      await ctx.store.commit(ops);
      for (const announce of after) announce();
    }
    if (offer) ctx.events.publish(agentTopic(offer.agentId), 'offer', offerView(ctx, offer, handedTo));
    void ctx.routing.request();
    return conversationView(ctx, ctx.store.get('conversations', conversationId) ?? handedTo, supervisor.id);
  });
}

/** Ends a conversation for good with a closure reason, whoever holds it (or none: still waiting). */
export function closeConversation(
  ctx: PlatformContext,
  supervisor: User,
  conversationId: string,
  { closureReasonId, note }: { closureReasonId: string; note?: string | undefined },
): Promise<ConversationView> {
  return mutate(ctx, async (ctx) => {
    const conversation = conversationOf(ctx, conversationId);
    if (conversation.status === 'ended') {
      throw new DomainError('conflict', 'conversation_ended', `Conversation ${conversationId} has already ended`);
    }
    const reason = ctx.store.get('closureReasons', closureReasonId);
    if (!reason) throw invalidField('closureReasonId', `${closureReasonId} is not a closure reason`);
    const participants = [
      ...(conversation.status === 'active' && conversation.agentId ? [conversation.agentId] : []),
      ...(conversation.conference?.state === 'active' ? [conversation.conference.agentId] : []),
    ];
    const { rest, ops, after } = release(ctx, conversation, { closureReasonId, note });
    const now = ctx.clock.now();
    const ended: Conversation = {
      ...rest,
      ...(conversation.agentId ? { agentId: conversation.agentId } : {}),
      status: 'ended',
      endedAt: now,
      endedBy: 'supervisor',
      closureReasonId,
      ...(note ? { wrapUpNote: note } : {}),
    };
    ops.push(
      put('conversations', ended),
      put(
        'messages',
        systemMessage(ctx, conversationId, `${supervisor.displayName} (supervisor) closed the conversation`),
      ),
      audited(
        ctx,
        supervisor,
        'update',
        'conversations',
        conversationId,
        `Closed conversation ${conversationId} (${reason.name})`,
        [
          { field: 'status', before: conversation.status, after: 'ended' },
          { field: 'closureReason', before: '—', after: reason.name },
        ],
      ),
    );
    await ctx.store.commit(ops);
    for (const announce of after) announce();
    for (const agentId of participants) {
      ctx.events.publish(agentTopic(agentId), 'conversation.updated', conversationView(ctx, ended, agentId));
    }
    void ctx.routing.request();
    return conversationView(ctx, ended, supervisor.id);
  });
}

/** Makes an agent Unavailable: her pending offers go back to the queue, as when she does it. */
export async function makeUnavailable(ctx: PlatformContext, supervisor: User, agentId: string, reasonId?: string) {
  const agent = agentOf(ctx, agentId);
  checkChosenReason(ctx, reasonId, 'unavailable');
  const reason = reasonId ? ctx.store.get('unavailableReasons', reasonId) : undefined;
  const before = ctx.store.get('agentStatus', agent.id)?.state ?? 'unavailable';
  return setAgentState(ctx, agent, 'unavailable', reasonId, [
    audited(
      ctx,
      supervisor,
      'update',
      'agents',
      agent.id,
      `Made ${agent.displayName} Unavailable${reason ? ` (${reason.name})` : ''}`,
      [{ field: 'state', before, after: reason ? `unavailable (${reason.name})` : 'unavailable' }],
    ),
  ]);
}

/** Signs an agent out everywhere: her sessions (and the streams opened with them) end; she becomes Unavailable (signed out). */
export async function signOutAgent(ctx: PlatformContext, supervisor: User, agentId: string) {
  const agent = agentOf(ctx, agentId);
  const sessions = ctx.store.where('sessions', 'userId', agent.id);
  const before = ctx.store.get('agentStatus', agent.id)?.state ?? 'unavailable';
  const status = await setAgentState(ctx, agent, 'unavailable', 'signed-out', [
    ...sessions.map((session) => remove('sessions', session.id)),
    audited(
      ctx,
      supervisor,
      'update',
      'agents',
      agent.id,
      `Signed ${agent.displayName} out (${sessions.length} session${sessions.length === 1 ? '' : 's'} ended)`,
      [
        { field: 'state', before, after: 'unavailable' },
        { field: 'signedIn', before: String(sessions.length > 0), after: 'false' },
      ],
    ),
  ]);
  // Her open panels' streams close at once: they reconnect, get 401 and ask her to sign in.
  ctx.streams.revalidate();
  return { ...status, sessionsEnded: sessions.length };
}
