import type { MessageMedia } from '../../../shared/api/attachment-schemas.ts';
import type { MessageView } from '../../../shared/api/schemas.ts';
import { isWindowOpen } from '../../../shared/customer-window.ts';
import { richMessagePayload, richMessageText } from '../../../shared/whatsapp/rich-message.ts';
import { attachmentPayload } from './attachment-payload.ts';
import type { PlatformContext } from './context.ts';
import { DomainError, notFound } from './domain-errors.ts';
import { sendThroughOutbox } from './outbox.ts';
import { agentConversation, workableConversation } from './participants.ts';
import type { Conversation, Message, User } from './records.ts';
import { quotedMessage, wamidOf } from './reply-context.ts';
import { forgetTyping } from './typing.ts';
import { isRetryable, messageView } from './views.ts';

/** The agent's text reply, optionally quoting a message of the conversation (WhatsApp's `context`). */
export function reply(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  text: string,
  replyToMessageId?: string,
): Promise<MessageView> {
  const quoted = replyToMessageId
    ? quotedMessage(ctx.store, agentConversation(ctx, agent, conversationId), replyToMessageId)
    : undefined;
  forgetTyping(ctx, conversationId);
  return sendFreeForm(ctx, agent, conversationId, {
    type: 'text',
    text,
    ...(quoted ? { replyToId: quoted.replyToId } : {}),
    send: (phoneNumberId, to, callbackData) => ctx.graph.sendText(phoneNumberId, to, text, callbackData, quoted?.wamid),
  });
}

/** Rich messages assigned to the conversation's channel (TP-3), for the composer. */
export function richMessagesFor(ctx: PlatformContext, agent: User, conversationId: string) {
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  return ctx.store
    .all('richMessages')
    .filter((rich) => rich.channelIds.includes(conversation.channelId))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((rich) => ({ id: rich.id, name: rich.name, kind: rich.content.kind, preview: richMessageText(rich.content) }));
}

/** Sends a rich message assigned to the channel: quick replies, a list or time-slot picker, a rich link. */
export function sendRichMessage(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  richMessageId: string,
): Promise<MessageView> {
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  const rich = ctx.store.get('richMessages', richMessageId);
  if (!rich?.channelIds.includes(conversation.channelId)) {
    throw new DomainError('not_found', 'not_found', `Rich message ${richMessageId} is not assigned to this channel`);
  }
  const payload = richMessagePayload(rich.content);
  return sendFreeForm(ctx, agent, conversationId, {
    type: String(payload.type),
    text: richMessageText(rich.content),
    richMessageId: rich.id,
    send: (phoneNumberId, to, callbackData) =>
      ctx.graph.sendMessage(phoneNumberId, to, { ...payload, biz_opaque_callback_data: callbackData }),
  });
}

/** The agent's active conversation, on which she may reply, inside the 24-hour window (CH-7). */
function replyableConversation(ctx: PlatformContext, agent: User, conversationId: string): Conversation {
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  if (!isWindowOpen(conversation.lastInboundAt, ctx.clock.now())) {
    throw new DomainError(
      'conflict',
      'window_closed',
      'More than 24 hours have passed since the customer last wrote: only an approved template can be sent',
    );
  }
  return conversation;
}

/**
 * Sends a free-form message (allowed only inside the 24-hour window, CH-7) through the outbox:
 * recorded first, then sent, then given its wamid or the reason it failed.
 */
export function sendFreeForm(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  outgoing: {
    type: string;
    text: string;
    richMessageId?: string;
    replyToId?: string;
    media?: MessageMedia;
    send: (phoneNumberId: string, to: string, callbackData: string) => Promise<string>;
  },
  retrying?: Message,
): Promise<MessageView> {
  // Checked now, to refuse at once, and again inside the outbox's
  // mutations: the conversation may change while this request waits for the lock or for WhatsApp.
  const check = (current: PlatformContext) => replyableConversation(current, agent, conversationId);
  const conversation = check(ctx);
  const channel = ctx.store.get('channels', conversation.channelId);
  if (!channel) throw notFound(`Channel ${conversation.channelId}`);
  return sendThroughOutbox(
    ctx,
    conversation,
    agent.id,
    {
      check,
      type: outgoing.type,
      text: outgoing.text,
      ...(outgoing.richMessageId ? { richMessageId: outgoing.richMessageId } : {}),
      ...(outgoing.replyToId ? { replyToId: outgoing.replyToId } : {}),
      ...(outgoing.media ? { media: outgoing.media } : {}),
      send: (callbackData) => outgoing.send(channel.phoneNumberId, conversation.customerWaId, callbackData),
    },
    retrying,
  );
}

/**
 * Sends a failed reply again, as a new message (the failed one stays, marked retried): the
 * agent's explicit choice, since a reply that "may not have been sent" may have been.
 */
export function retryReply(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  messageId: string,
): Promise<MessageView> {
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  const failed = ctx.store.get('messages', messageId);
  if (!failed || failed.conversationId !== conversation.id) throw notFound(`Message ${messageId}`);
  const why = !isRetryable(failed)
    ? failed.retriedAs
      ? 'it has already been retried'
      : 'only a failed reply can be sent again'
    : undefined;
  if (why) throw new DomainError('conflict', 'not_retryable', `Message ${messageId} cannot be sent again: ${why}`);
  if (failed.media) {
    // An attachment: sent again by the media id WhatsApp gave its upload (kept 30 days), with its
    // caption; once WhatsApp no longer has the file, the Retry fails with WhatsApp's reason.
    const media = failed.media;
    const caption = failed.text || undefined;
    return sendFreeForm(
      ctx,
      agent,
      conversationId,
      {
        type: failed.type,
        text: failed.text,
        media,
        send: (phoneNumberId, to, callbackData) =>
          ctx.graph.sendMessage(phoneNumberId, to, {
            ...attachmentPayload(media, caption),
            biz_opaque_callback_data: callbackData,
          }),
      },
      failed,
    );
  }
  if (failed.richMessageId) {
    const rich = ctx.store.get('richMessages', failed.richMessageId);
    if (!rich?.channelIds.includes(conversation.channelId)) {
      throw new DomainError(
        'conflict',
        'not_retryable',
        `Message ${messageId} cannot be sent again: its rich message is gone`,
      );
    }
    const payload = richMessagePayload(rich.content);
    return sendFreeForm(
      ctx,
      agent,
      conversationId,
      {
        type: String(payload.type),
        text: richMessageText(rich.content),
        richMessageId: rich.id,
        send: (phoneNumberId, to, callbackData) =>
          ctx.graph.sendMessage(phoneNumberId, to, { ...payload, biz_opaque_callback_data: callbackData }),
      },
      failed,
    );
  }
  const quotedAgain = failed.replyToId ? ctx.store.get('messages', failed.replyToId) : undefined;
  return sendFreeForm(
    ctx,
    agent,
    conversationId,
    {
      type: 'text',
      text: failed.text,
      // Still quoting what it quoted, when WhatsApp still knows that message.
      ...(quotedAgain ? { replyToId: quotedAgain.id } : {}),
      send: (phoneNumberId, to) =>
        ctx.graph.sendText(phoneNumberId, to, failed.text, undefined, quotedAgain && wamidOf(quotedAgain)),
    },
    failed,
  );
}

export function transcript(ctx: PlatformContext, agent: User, conversationId: string): MessageView[] {
  agentConversation(ctx, agent, conversationId);
  return ctx.store
    .where('messages', 'conversationId', conversationId)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.timestamp - b.timestamp)
    .map((message) => messageView(ctx, message));
}
