import type { ChannelPermission } from '../../../shared/api/permissions.ts';
import type { AgentEventName, AgentEvents } from '../../../shared/api/schemas.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { DomainError, notFound } from './domain-errors.ts';
import { maskerFor } from './masking.ts';
import { requirePermission } from './permissions.ts';
import type { Conversation, User } from './records.ts';

/** Everyone working on a conversation now: its owner and, in a conference, the joined guest. */
export function participants(conversation: Conversation): string[] {
  const ids = conversation.agentId ? [conversation.agentId] : [];
  if (conversation.conference?.state === 'active') ids.push(conversation.conference.agentId);
  return ids;
}

export function takesPart(conversation: Conversation, agentId: string): boolean {
  return participants(conversation).includes(agentId);
}

/** A conversation the agent may read and answer: one they own or have joined. Else "not found". */
export function agentConversation(ctx: PlatformContext, agent: User, conversationId: string): Conversation {
  const conversation = ctx.store.get('conversations', conversationId);
  if (!conversation || !takesPart(conversation, agent.id)) throw notFound(`Conversation ${conversationId}`);
  return conversation;
}

/**
 * One of the agent's conversations that can still be worked on: active, not interrupted (AG-4),
 * and the agent's role grants `permission` on its channel (RP-4, RP-5).
 */
export function workableConversation(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  permission: ChannelPermission,
): Conversation {
  const conversation = agentConversation(ctx, agent, conversationId);
  if (conversation.status !== 'active') {
    throw new DomainError(
      'conflict',
      'conversation_not_active',
      `Conversation ${conversationId} is ${conversation.status}`,
    );
  }
  if (conversation.interrupted) {
    throw new DomainError(
      'conflict',
      'conversation_interrupted',
      `${maskerFor(ctx.store, conversation).text(conversation.interrupted.reason)}: the conversation can only be ended`,
    );
  }
  requirePermission(ctx.store, agent, conversation, permission);
  return conversation;
}

/** The active conversations an agent works on, owned or joined, oldest first (index lookups only). */
export function activeConversations(ctx: PlatformContext, agentId: string): Conversation[] {
  return [
    ...ctx.store.where('conversations', 'agentId', agentId),
    ...ctx.store.where('conversations', 'guestId', agentId),
  ]
    .filter((conversation) => conversation.status === 'active' && takesPart(conversation, agentId))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** Publishes an event to every participant, each receiving their own view of it. */
export function publishToParticipants<K extends AgentEventName>(
  ctx: PlatformContext,
  conversation: Conversation,
  event: K,
  view: (agentId: string) => AgentEvents[K],
): void {
  for (const agentId of participants(conversation)) ctx.events.publish(agentTopic(agentId), event, view(agentId));
}
