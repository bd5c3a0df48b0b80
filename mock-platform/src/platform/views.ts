import type { ConversationView, MessageView, OfferView, WrapUpView } from '../../../shared/api/schemas.ts';
import type { Clock } from '../../../shared/clock.ts';
import { windowClosesAt } from '../../../shared/customer-window.ts';
import { isExchanged } from '../../../shared/messages/exchanged.ts';
import { fromWaId } from '../../../shared/phone.ts';
import { screenPopUrl } from '../../../shared/routing/screen-pop.ts';
import { offerExpiresAt } from '../../../shared/routing/timers.ts';
import type { Store } from '../store/store.ts';
import { attachmentView, maskFileName } from './attachment-view.ts';
import { maskerFor } from './masking.ts';
import { channelPermissionsOf } from './permissions.ts';
import type { Conversation, Message, Offer, PlatformSchema } from './records.ts';
import { quoteView } from './reply-context.ts';
import { slaOf } from './sla.ts';

type WrapUp = PlatformSchema['wrapUps'];

/** What views read: the store, and the clock for time-dependent states (SLA). */
export type ViewContext = { store: Store<PlatformSchema>; clock: Clock };

/**
 * Maps stored records to what the agent's browser receives: every route and event an agent sees
 * goes through these, so this is where sensitive values are masked (AG-7).
 */
export function conversationView(
  ctx: ViewContext,
  conversation: Conversation,
  viewerId: string | undefined = conversation.agentId,
): ConversationView {
  const { store } = ctx;
  const channel = store.get('channels', conversation.channelId);
  const skill = store.get('skills', conversation.skillId);
  const closes = windowClosesAt(conversation.lastInboundAt);
  const mask = maskerFor(store, conversation);
  const viewer = viewerId ? store.get('users', viewerId) : undefined;
  return {
    id: conversation.id,
    channelId: conversation.channelId,
    customerName: mask.name(conversation.customerName),
    customerNumber: mask.phone(fromWaId(conversation.customerWaId)),
    originNumber: mask.phone(channel?.phoneNumber ?? ''),
    queueName: skill?.name ?? '',
    status: conversation.status,
    // An interrupted conversation can only be ended (AG-4), even though its channel has left every role.
    permissions: conversation.interrupted
      ? ['end']
      : [...(viewer ? (channelPermissionsOf(store, viewer, conversation.channelId) ?? []) : [])],
    ...(conversation.agentId ? { agentId: conversation.agentId } : {}),
    createdAt: conversation.createdAt,
    ...(conversation.lastInboundAt !== undefined ? { lastInboundAt: conversation.lastInboundAt } : {}),
    ...(closes !== undefined ? { windowClosesAt: closes } : {}),
    sla: slaOf(store, conversation, ctx.clock.now()),
    // The alert names the deleted channel and its number (AG-4): masked like every other text.
    ...(conversation.interrupted ? { interrupted: mask.text(conversation.interrupted.reason) } : {}),
    ...(skill?.screenPopUrl
      ? {
          screenPopUrl: screenPopUrl(skill.screenPopUrl, {
            conversationId: conversation.id,
            customerNumber: mask.phone(fromWaId(conversation.customerWaId)),
            customerName: mask.name(conversation.customerName),
            channelId: conversation.channelId,
            queue: skill.name,
          }),
        }
      : {}),
    ...lastMessageView(store, conversation, (text) => mask.text(text)),
    ...(conversation.conference
      ? {
          conference: {
            state: conversation.conference.state,
            ownerName: store.get('users', conversation.agentId ?? '')?.displayName ?? '',
            guestName: store.get('users', conversation.conference.agentId)?.displayName ?? '',
            role: viewerId === conversation.conference.agentId ? ('guest' as const) : ('owner' as const),
          },
        }
      : {}),
  };
}

/** The conversation's latest customer or agent message, masked, for the task list's preview. */
function lastMessageView(
  store: Store<PlatformSchema>,
  conversation: Conversation,
  maskText: (text: string) => string,
): Pick<ConversationView, 'lastMessage'> {
  let last: (Message & { direction: 'inbound' | 'outbound' }) | undefined;
  for (const message of store.where('messages', 'conversationId', conversation.id)) {
    // Private notes and system lines are not the conversation's last word with the customer.
    if (!isExchanged(message)) continue;
    if (
      !last ||
      (message.seq ?? 0) > (last.seq ?? 0) ||
      (message.seq === last.seq && message.timestamp > last.timestamp)
    ) {
      last = message;
    }
  }
  if (!last) return {};
  return {
    lastMessage: {
      direction: last.direction,
      // A document sent without a caption previews as its (masked) file name.
      text: !last.text && last.media?.filename ? maskFileName(last.media.filename, maskText) : maskText(last.text),
      timestamp: last.timestamp,
      ...(last.media ? { media: true } : {}),
    },
  };
}

export function offerView(ctx: ViewContext, offer: Offer, conversation: Conversation): OfferView {
  const { store } = ctx;
  const view = conversationView(ctx, conversation);
  const skill = store.get('skills', conversation.skillId);
  return {
    id: offer.id,
    conversationId: conversation.id,
    customerName: view.customerName,
    customerNumber: view.customerNumber,
    originNumber: view.originNumber,
    queueName: view.queueName,
    offeredAt: offer.offeredAt,
    expiresAt: offerExpiresAt(offer.offeredAt, skill?.agentResponseSeconds),
    canReject: offer.purpose === 'conference' || (skill?.acceptReject ?? false),
    kind: offer.purpose === 'conference' ? 'conference' : offer.fromAgentId ? 'transfer' : 'conversation',
    ...(offer.fromAgentId ? { fromName: store.get('users', offer.fromAgentId)?.displayName ?? '' } : {}),
  };
}

export function messageView({ store }: ViewContext, message: Message): MessageView {
  const agent = message.agentId ? store.get('users', message.agentId) : undefined;
  const conversation = store.get('conversations', message.conversationId);
  const mask = maskerFor(store, conversation);
  const quote = quoteView(store, message, mask);
  return {
    id: message.id,
    conversationId: message.conversationId,
    direction: message.direction,
    text: mask.text(message.text),
    timestamp: message.timestamp,
    seq: message.seq ?? 0,
    ...(message.status ? { status: message.status } : {}),
    ...(agent ? { senderName: mask.text(agent.displayName) } : {}),
    ...(message.wamid ? { wamid: message.wamid } : {}),
    ...(message.error ? { error: mask.text(message.error) } : {}),
    ...(message.errorCode !== undefined ? { errorCode: message.errorCode } : {}),
    ...(message.uncertain ? { uncertain: true } : {}),
    ...(isRetryable(message) ? { retryable: true } : {}),
    ...(message.automatic ? { automatic: true } : {}),
    ...attachmentView(message, mask),
    ...(quote ? { replyTo: quote } : {}),
  };
}

/** A failed reply of an agent that can be sent again as it was: text, or a rich message. */
export function isRetryable(message: Message): boolean {
  return (
    message.direction === 'outbound' &&
    message.status === 'failed' &&
    message.agentId !== undefined &&
    !message.automatic &&
    !message.retriedAs &&
    (message.type === 'text' || message.richMessageId !== undefined || message.media !== undefined)
  );
}

export function wrapUpView({ store }: ViewContext, wrapUp: WrapUp): WrapUpView {
  const conversation = store.get('conversations', wrapUp.conversationId);
  return {
    id: wrapUp.id,
    conversationId: wrapUp.conversationId,
    customerName: maskerFor(store, conversation).name(conversation?.customerName ?? ''),
    reason: wrapUp.reason,
    createdAt: wrapUp.createdAt,
  };
}
