import type {
  CustomerView,
  OptInState,
  PastConversation,
  PastConversationSummary,
} from '../../../shared/api/customer-context.ts';
import { fromWaId, parsePhone } from '../../../shared/phone.ts';
import { archivedMessages } from './archive.ts';
import type { PlatformContext } from './context.ts';
import { notFound } from './domain-errors.ts';
import { maskerFor } from './masking.ts';
import { activeConversations, agentConversation } from './participants.ts';
import { worksChannel } from './permissions.ts';
import type { Conversation, User } from './records.ts';
import { messageView } from './views.ts';

/** Past conversations listed in the customer view; older ones are in the agent's history. */
const PREVIOUS_LIMIT = 20;
/** Meta's "no consent / opted out" refusal of a business-initiated message. */
const CONSENT_REFUSED = 131050;

/**
 * An ended conversation the agent may open read-only: one she took part in (her history), or one
 * of the customer she is serving now on a channel her role works. Anything else is "not found",
 * like every conversation an agent may not see.
 */
export function mayReadPast(ctx: PlatformContext, agent: User, past: Conversation): boolean {
  if (past.status !== 'ended') return false;
  const tookPart =
    past.agentId === agent.id ||
    ctx.store.where('wrapUps', 'conversationId', past.id).some((wrapUp) => wrapUp.agentId === agent.id);
  if (tookPart) return true;
  return (
    worksChannel(ctx.store, agent, past.channelId) &&
    activeConversations(ctx, agent.id).some((current) => current.customerWaId === past.customerWaId)
  );
}

/** The customer of one of the agent's conversations: who they are, tags, and their past conversations. */
export function customerView(ctx: PlatformContext, agent: User, conversationId: string): CustomerView {
  const conversation = agentConversation(ctx, agent, conversationId);
  const mask = maskerFor(ctx.store, conversation);
  const customer = ctx.store.get('customers', conversation.customerWaId);
  const number = fromWaId(conversation.customerWaId);
  const parsed = parsePhone(number);
  const preferredId = customer?.lastAgentByChannel?.[conversation.channelId] ?? customer?.lastAgentId;
  const preferred = preferredId ? ctx.store.get('users', preferredId)?.displayName : undefined;
  const previous = ctx.store
    .where('conversations', 'customerWaId', conversation.customerWaId)
    .filter((past) => past.id !== conversation.id && mayReadPast(ctx, agent, past))
    .sort((a, b) => (b.endedAt ?? b.createdAt) - (a.endedAt ?? a.createdAt))
    .slice(0, PREVIOUS_LIMIT)
    .map((past) => pastSummary(ctx, past));
  return {
    name: mask.name(customer?.name || conversation.customerName),
    number: mask.phone(number),
    ...(parsed.ok && parsed.country ? { country: parsed.country } : {}),
    optIn: optInState(ctx, conversation),
    ...(preferred ? { preferredAgent: mask.text(preferred) } : {}),
    tags: customer?.tags ?? [],
    previous,
  };
}

/**
 * What the platform can tell of consent on this channel's number: it never sees WhatsApp's own
 * record, only that the customer wrote, or that a message to them was refused for consent.
 */
function optInState(ctx: PlatformContext, conversation: Conversation): OptInState {
  const onChannel = ctx.store
    .where('conversations', 'customerWaId', conversation.customerWaId)
    .filter((other) => other.channelId === conversation.channelId);
  const wroteAt = Math.max(-1, ...onChannel.map((other) => other.lastInboundAt ?? -1));
  const refusedAt = Math.max(
    -1,
    ...onChannel.flatMap((other) =>
      ctx.store
        .where('messages', 'conversationId', other.id)
        .filter((message) => message.direction === 'outbound' && message.errorCode === CONSENT_REFUSED)
        .map((message) => message.statusAt ?? message.timestamp),
    ),
  );
  if (refusedAt > wroteAt) return 'refused';
  return wroteAt >= 0 ? 'wrote' : 'unknown';
}

function pastSummary(ctx: PlatformContext, past: Conversation): PastConversationSummary {
  const mask = maskerFor(ctx.store, past);
  // Ended by an agent: the conversation holds her closure; otherwise the latest wrap-up done on it.
  const wrapUp = ctx.store
    .where('wrapUps', 'conversationId', past.id)
    .filter((candidate) => candidate.status === 'done')
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0))[0];
  const closureId = past.closureReasonId ?? wrapUp?.closureReasonId;
  const closure = closureId ? ctx.store.get('closureReasons', closureId)?.name : undefined;
  const note = past.wrapUpNote ?? wrapUp?.note;
  const agentName = past.agentId ? ctx.store.get('users', past.agentId)?.displayName : undefined;
  return {
    conversationId: past.id,
    channelName: ctx.store.get('channels', past.channelId)?.name ?? '',
    queueName: ctx.store.get('skills', past.skillId)?.name ?? '',
    createdAt: past.createdAt,
    endedAt: past.endedAt ?? past.createdAt,
    ...(agentName ? { agentName: mask.text(agentName) } : {}),
    ...(closure ? { closureReason: closure } : {}),
    ...(note ? { note: mask.text(note) } : {}),
  };
}

/** An ended conversation opened read-only: its summary and whole transcript (archived ones read back). */
export async function pastConversation(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
): Promise<PastConversation> {
  const past = ctx.store.get('conversations', conversationId);
  if (!past || !mayReadPast(ctx, agent, past)) throw notFound(`Conversation ${conversationId}`);
  const mask = maskerFor(ctx.store, past);
  const messages = (await archivedMessages(ctx, ctx.archive, past))
    .slice()
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.timestamp - b.timestamp)
    .map((message) => messageView(ctx, message));
  return {
    ...pastSummary(ctx, past),
    customerName: mask.name(past.customerName),
    customerNumber: mask.phone(fromWaId(past.customerWaId)),
    messages,
  };
}
