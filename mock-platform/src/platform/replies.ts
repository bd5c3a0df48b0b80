import type { MessageView } from '../../../shared/api/schemas.ts';
import { isWindowOpen } from '../../../shared/customer-window.ts';
import { richMessagePayload, richMessageText } from '../../../shared/whatsapp/rich-message.ts';
import { ApiError, notFound } from '../http/errors.ts';
import type { WriteOp } from '../store/store.ts';
import { GraphApiError } from '../whatsapp/graph-client.ts';
import type { PlatformContext } from './context.ts';
import { agentConversation, publishToParticipants, workableConversation } from './participants.ts';
import type { Message, PlatformSchema, User } from './records.ts';
import { put, remove } from './records.ts';
import { conversationView, messageView } from './views.ts';

/** The agent's text reply. */
export function reply(ctx: PlatformContext, agent: User, conversationId: string, text: string): Promise<MessageView> {
  return sendFreeForm(ctx, agent, conversationId, {
    type: 'text',
    text,
    send: (phoneNumberId, to) => ctx.graph.sendText(phoneNumberId, to, text),
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
    throw new ApiError(404, 'not_found', `Rich message ${richMessageId} is not assigned to this channel`);
  }
  const payload = richMessagePayload(rich.content);
  return sendFreeForm(ctx, agent, conversationId, {
    type: String(payload.type),
    text: richMessageText(rich.content),
    send: (phoneNumberId, to) => ctx.graph.sendMessage(phoneNumberId, to, payload),
  });
}

/**
 * Sends a free-form message (allowed only inside the 24-hour window, CH-7) and stores it under
 * the wamid WhatsApp gave it; the first one stops the first-response SLA clock.
 */
async function sendFreeForm(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  outgoing: { type: string; text: string; send: (phoneNumberId: string, to: string) => Promise<string> },
): Promise<MessageView> {
  const { text } = outgoing;
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  if (!isWindowOpen(conversation.lastInboundAt, ctx.clock.now())) {
    throw new ApiError(
      409,
      'window_closed',
      'More than 24 hours have passed since the customer last wrote: only an approved template can be sent',
    );
  }
  const channel = ctx.store.get('channels', conversation.channelId);
  if (!channel) throw notFound(`Channel ${conversation.channelId}`);

  let wamid: string;
  try {
    wamid = await outgoing.send(channel.phoneNumberId, conversation.customerWaId);
  } catch (error) {
    if (error instanceof GraphApiError) {
      throw new ApiError(502, 'whatsapp_refused', `WhatsApp refused the message (${error.code}): ${error.message}`);
    }
    throw new ApiError(
      502,
      'whatsapp_unreachable',
      'The WhatsApp Cloud API could not be reached; the message was not sent',
    );
  }

  return ctx.serial.run(async () => {
    // A status webhook may have overtaken the send's answer: fold it in.
    const orphan = ctx.store.get('orphanStatuses', wamid);
    const message: Message = {
      id: wamid,
      conversationId,
      direction: 'outbound',
      type: outgoing.type,
      text,
      timestamp: ctx.clock.now(),
      seq: ctx.messageSeq.next(),
      status: orphan?.status ?? 'pending',
      agentId: agent.id,
      ...(orphan ? { statusAt: orphan.timestamp } : {}),
      ...(orphan?.error ? { error: orphan.error } : {}),
    };
    const current = ctx.store.get('conversations', conversationId);
    const ops: WriteOp<PlatformSchema>[] = [put('messages', message)];
    // The agent wrote: the customer response timer starts (or keeps running) from now, and the
    // first reply stops the first-response SLA clock.
    if (current && (current.awaitingCustomerSince === undefined || current.firstResponseAt === undefined)) {
      ops.push(
        put('conversations', {
          ...current,
          awaitingCustomerSince: current.awaitingCustomerSince ?? message.timestamp,
          firstResponseAt: current.firstResponseAt ?? message.timestamp,
        }),
      );
    }
    if (orphan) ops.push(remove('orphanStatuses', wamid));
    await ctx.store.commit(ops);
    const view = messageView(ctx, message);
    const updated = ctx.store.get('conversations', conversationId) ?? conversation;
    publishToParticipants(ctx, updated, 'message', () => view);
    if (updated !== current) {
      // The SLA's first response (or the customer timer) changed: the panels show it.
      publishToParticipants(ctx, updated, 'conversation.updated', (viewer) => conversationView(ctx, updated, viewer));
    }
    return view;
  });
}

export function transcript(ctx: PlatformContext, agent: User, conversationId: string): MessageView[] {
  agentConversation(ctx, agent, conversationId);
  return ctx.store
    .where('messages', 'conversationId', conversationId)
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0) || a.timestamp - b.timestamp)
    .map((message) => messageView(ctx, message));
}
