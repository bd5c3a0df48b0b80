import type { MessageMedia } from '../../../shared/api/attachment-schemas.ts';
import type { MessageView } from '../../../shared/api/schemas.ts';
import { newId } from '../../../shared/ids.ts';
import type { WriteOp } from '../store/store.ts';
import { GraphApiError, isUncertainGraphFailure } from '../whatsapp/graph-client.ts';
import type { PlatformContext } from './context.ts';
import { DomainError } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { publishToParticipants } from './participants.ts';
import { rateLimitRetryAt } from './rate-limit-retry.ts';
import type { Conversation, Message, PlatformSchema } from './records.ts';
import { put, remove } from './records.ts';
import { conversationView, messageView } from './views.ts';

/** What a reply that could not reach WhatsApp says; the panel words it in the agent's language. */
export const UNREACHABLE_TEXT = 'WhatsApp could not be reached; the message may not have been sent';

export interface OutgoingReply {
  type: string;
  text: string;
  richMessageId?: string;
  /** The message of the conversation it quotes (sent with WhatsApp's `context`). */
  replyToId?: string;
  /** An attachment, already uploaded to the Cloud API (its media id); `text` is its caption. */
  media?: MessageMedia;
  /** Sent by the platform itself (queue time-out, survey): not the agent's answer. */
  automatic?: true;
  /** What the errors call it: a template's refusals by WhatsApp's policy are the request's fault (409). */
  noun?: 'message' | 'template';
  /**
   * Calls the Cloud API with the reply's own id as `biz_opaque_callback_data` (its status webhooks
   * carry it, so a reply whose answer was lost is still recognised); resolves with the wamid.
   */
  send: (callbackData: string) => Promise<string>;
  /**
   * An agent's reply: reads the conversation again and throws (an `DomainError`) if she may no longer
   * send it (not hers any more, no longer active, its 24-hour window closed). Run inside the
   * mutation that records it (nothing is sent if it throws) and again once WhatsApp has answered.
   */
  check?: (ctx: PlatformContext) => Conversation;
}

/**
 * Sends a message through an outbox: an agent's reply, a template (picker, outbound, survey) or an
 * automatic message (no `agentId`). It is stored as `sending` (durably) before the
 * Cloud API is called, then gets its wamid, or the reason it failed. A crash in between leaves a
 * `sending` row that {@link resolveInterruptedSends} turns into "may not have been sent" at the
 * next start: the transcript never misses a reply WhatsApp may have delivered, and nothing is sent
 * again without the agent asking (Retry).
 *
 * Only a reply WhatsApp took stops the first-response SLA clock and starts the customer timer.
 */
export async function sendThroughOutbox(
  ctx: PlatformContext,
  given: Conversation,
  agentId: string | undefined,
  outgoing: OutgoingReply,
  retrying?: Message,
): Promise<MessageView> {
  const recorded = await mutate(ctx, async (ctx) => {
    const previous = retrying ? ctx.store.get('messages', retrying.id) : undefined;
    if (retrying && (!previous || previous.retriedAs)) throw notRetryable(retrying.id, 'it has already been retried');
    // Decided again under the lock: the conversation may have changed since the caller read it.
    const conversation = outgoing.check ? outgoing.check(ctx) : (ctx.store.get('conversations', given.id) ?? given);
    const message: Message = {
      id: newId('out'),
      ...(previous?.retryAt !== undefined ? { autoRetry: true } : {}),
      conversationId: conversation.id,
      direction: 'outbound',
      type: outgoing.type,
      text: outgoing.text,
      timestamp: ctx.clock.now(),
      seq: ctx.messageSeq.next(),
      status: 'sending',
      ...(agentId !== undefined ? { agentId } : {}),
      ...(outgoing.automatic ? { automatic: true } : {}),
      ...(outgoing.richMessageId ? { richMessageId: outgoing.richMessageId } : {}),
      ...(outgoing.replyToId ? { replyToId: outgoing.replyToId } : {}),
      ...(outgoing.media ? { media: outgoing.media } : {}),
    };
    const rows = previous ? [{ ...previous, retriedAs: message.id }, message] : [message];
    // Durable before WhatsApp hears of it: a reply is never sent without being in the transcript.
    await ctx.store.commit(rows.map((row) => put('messages', row)));
    for (const row of rows) publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, row));
    return message;
  });

  let wamid: string;
  try {
    wamid = await outgoing.send(recorded.id);
  } catch (error) {
    const uncertain = isUncertainGraphFailure(error);
    // Only a first attempt is sent again on its own: an automatic retry refused again waits for the agent.
    // Templates and automatic messages are never sent again on their own (not the agent's Retry either).
    const resendable = agentId !== undefined && !outgoing.automatic && outgoing.noun !== 'template';
    const retryAt =
      resendable && retrying?.retryAt === undefined ? rateLimitRetryAt(error, ctx.clock.now()) : undefined;
    await recordFailure(ctx, recorded.id, {
      error: error instanceof GraphApiError && !uncertain ? error.message : UNREACHABLE_TEXT,
      ...(error instanceof GraphApiError && !uncertain ? { errorCode: error.code } : {}),
      ...(uncertain ? { uncertain: true } : {}),
      ...(retryAt !== undefined ? { retryAt } : {}),
    });
    const noun = outgoing.noun ?? 'message';
    if (uncertain)
      throw new DomainError(
        'upstream',
        'whatsapp_unreachable',
        `WhatsApp could not be reached; the ${noun} may not have been sent`,
      );
    const refusal = error as GraphApiError;
    // WhatsApp's policy refusals of a template (consent, limits, template state) are the request's fault.
    const policy = noun === 'template' && refusal.code >= 130_000 && refusal.code !== 131_000;
    throw new DomainError(
      policy ? 'conflict' : 'upstream',
      'whatsapp_refused',
      `WhatsApp refused the ${noun} (${refusal.code}): ${refusal.message}`,
    );
  }
  return recordSent(ctx, recorded.id, wamid, outgoing.check);
}

function notRetryable(messageId: string, why: string): DomainError {
  return new DomainError('conflict', 'not_retryable', `Message ${messageId} cannot be sent again: ${why}`);
}

/** WhatsApp took the reply: its wamid, any status that overtook the answer, and the SLA. */
function recordSent(
  ctx: PlatformContext,
  messageId: string,
  wamid: string,
  check: OutgoingReply['check'],
): Promise<MessageView> {
  return mutate(ctx, async (ctx) => {
    const stored = ctx.store.get('messages', messageId);
    if (!stored) throw new DomainError('conflict', 'message_gone', `Message ${messageId} is no longer stored`);
    // A status webhook may have overtaken the send's answer: fold it in.
    const orphan = ctx.store.get('orphanStatuses', wamid);
    // A status carrying the reply's id may have been applied already (see `messageForStatus`).
    const message: Message = {
      ...stored,
      wamid,
      status: stored.status === 'sending' ? (orphan?.status ?? 'pending') : (stored.status ?? 'pending'),
      ...(orphan ? { statusAt: orphan.timestamp } : {}),
      ...(orphan?.error ? { error: orphan.error } : {}),
      ...(orphan?.errorCode !== undefined ? { errorCode: orphan.errorCode } : {}),
    };
    const ops: WriteOp<PlatformSchema>[] = [put('messages', message)];
    if (orphan) ops.push(remove('orphanStatuses', wamid));
    const current = ctx.store.get('conversations', message.conversationId);
    // The agent's words reached WhatsApp: the customer response timer starts (or keeps running)
    // from the reply, and the first one stops the first-response SLA clock.
    const updated =
      current &&
      (!check || stillSendable(ctx, check)) &&
      countsAsAnswer(message) &&
      (current.awaitingCustomerSince === undefined || current.firstResponseAt === undefined)
        ? {
            ...current,
            awaitingCustomerSince: current.awaitingCustomerSince ?? message.timestamp,
            firstResponseAt: current.firstResponseAt ?? message.timestamp,
          }
        : undefined;
    if (updated) ops.push(put('conversations', updated));
    await ctx.store.commit(ops);
    const view = messageView(ctx, message);
    const conversation = updated ?? current;
    if (conversation) {
      publishToParticipants(ctx, conversation, 'message', () => view);
      // The SLA's first response (or the customer timer) changed: the panels show it.
      if (updated)
        publishToParticipants(ctx, updated, 'conversation.updated', (v) => conversationView(ctx, updated, v));
    }
    return view;
  });
}

/**
 * Whether a reply's checks still pass once WhatsApp answered: if not (the conversation ended or
 * left her meanwhile), its wamid is kept (the customer has it) but the conversation's clocks stay.
 */
function stillSendable(ctx: PlatformContext, check: NonNullable<OutgoingReply['check']>): boolean {
  try {
    check(ctx);
    return true;
  } catch (error) {
    if (error instanceof DomainError) return false;
    throw error;
  }
}

/** The send failed: the reply shows why. */
function recordFailure(
  ctx: PlatformContext,
  messageId: string,
  failure: { error: string; errorCode?: number; uncertain?: true; retryAt?: number },
): Promise<void> {
  return mutate(ctx, async (ctx) => {
    const stored = ctx.store.get('messages', messageId);
    if (!stored) return;
    const message: Message = { ...stored, status: 'failed', statusAt: ctx.clock.now(), ...failure };
    await ctx.store.commit([put('messages', message)]);
    const conversation = ctx.store.get('conversations', message.conversationId);
    if (conversation) publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, message));
  });
}

/**
 * At start-up, before any request: replies still `sending` were cut off by a stop between being
 * recorded and WhatsApp's answer. Nobody knows whether WhatsApp took them, so they are never sent
 * again on their own: they become failed, "may not have been sent", and the agent may retry.
 * Resolves with how many there were.
 */
export async function resolveInterruptedSends(ctx: PlatformContext): Promise<number> {
  const interrupted = ctx.store.all('messages').filter((message) => message.status === 'sending');
  if (interrupted.length === 0) return 0;
  await ctx.store.commit(
    interrupted.map((message) =>
      put('messages', {
        ...message,
        status: 'failed',
        statusAt: ctx.clock.now(),
        error: UNREACHABLE_TEXT,
        uncertain: true,
      }),
    ),
  );
  return interrupted.length;
}

/** Whether a message that reached WhatsApp is the agent's own words: templates and automatic ones are not. */
function countsAsAnswer(message: Message): boolean {
  return (
    message.direction === 'outbound' &&
    message.agentId !== undefined &&
    !message.automatic &&
    message.type !== 'template' &&
    message.status !== 'failed'
  );
}

/** Whether a message counts as the agent's answer to the customer (for the SLA and the customer timer). */
function reachedWhatsApp(message: Message): boolean {
  return countsAsAnswer(message) && message.status !== 'sending';
}

/**
 * A reply WhatsApp later reported `failed`: if it was the one that stopped the first-response SLA
 * clock (or started the customer timer), the clock goes back to the next reply that did reach
 * WhatsApp, or runs again. Returns the conversation to store, if it changed.
 */
export function conversationAfterFailure(
  ctx: PlatformContext,
  conversation: Conversation,
  failed: Message,
): Conversation | undefined {
  const affectsFirst = conversation.firstResponseAt === failed.timestamp;
  const affectsAwaiting = conversation.awaitingCustomerSince === failed.timestamp;
  if (!affectsFirst && !affectsAwaiting) return undefined;
  const others = ctx.store
    .where('messages', 'conversationId', conversation.id)
    .filter((message) => message.id !== failed.id && reachedWhatsApp(message))
    .map((message) => message.timestamp)
    .sort((a, b) => a - b);
  const { firstResponseAt, awaitingCustomerSince, ...rest } = conversation;
  const first = affectsFirst ? others[0] : firstResponseAt;
  const awaiting = affectsAwaiting ? others.find((at) => at >= failed.timestamp) : awaitingCustomerSince;
  return {
    ...rest,
    ...(first !== undefined ? { firstResponseAt: first } : {}),
    ...(awaiting !== undefined ? { awaitingCustomerSince: awaiting } : {}),
  };
}

/**
 * The stored message a status webhook is about: by its id (inbound and older replies use the
 * wamid), by the wamid of an outbox reply, or, when WhatsApp's answer to the send never got
 * stored (a stop, a timeout), by the reply's own id in `biz_opaque_callback_data`.
 */
export function messageForStatus(ctx: PlatformContext, wamid: string, callbackData: unknown): Message | undefined {
  const known = ctx.store.get('messages', wamid) ?? ctx.store.where('messages', 'wamid', wamid)[0];
  if (known || typeof callbackData !== 'string') return known;
  const reply = ctx.store.get('messages', callbackData);
  return reply?.direction === 'outbound' && reply.wamid === undefined ? reply : undefined;
}

/**
 * A status for a reply recorded as "may not have been sent": WhatsApp did take it. The reply gets
 * its wamid and loses the doubt; its status then follows the webhook like any other.
 */
export function resolvedByStatus(message: Message, wamid: string): Message {
  if (message.id === wamid || message.wamid !== undefined) return message;
  if (!message.uncertain) return { ...message, wamid };
  const { uncertain: _uncertain, error: _error, statusAt: _statusAt, ...rest } = message;
  return { ...rest, wamid, status: 'pending' };
}
