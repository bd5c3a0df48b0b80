import { advancesStatus } from '../../../shared/delivery-status.ts';
import { newId } from '../../../shared/ids.ts';
import { fromWaId, parsePhone } from '../../../shared/phone.ts';
import { formatPhone } from '../../../shared/phone-format.ts';
import { matchQueue } from '../../../shared/routing/queues.ts';
import { evaluateScript } from '../../../shared/routing/script.ts';
import { inboundText } from '../../../shared/whatsapp/inbound-text.ts';
import {
  deliveryStatusOf,
  type InboundMessage,
  type MessageStatusValue,
  type StatusUpdate,
  type WebhookEnvelope,
} from '../../../shared/whatsapp/webhook-schema.ts';
import type { PlatformContext } from './context.ts';
import { inboundAttachments } from './inbound-attachments.ts';
import { mutate } from './mutation.ts';
import { conversationAfterFailure, messageForStatus, resolvedByStatus } from './outbox.ts';
import { publishToParticipants } from './participants.ts';
import type { Channel, Conversation } from './records.ts';
import { put, routingModeOf } from './records.ts';
import { answeredMessageId } from './reply-context.ts';
import { slaSettings } from './sla.ts';
import { storeNotice } from './system-notices.ts';
import { storeTemplateStatus } from './template-statuses.ts';
import { conversationView, messageView } from './views.ts';
import { readWebhook, type Skip } from './webhook-items.ts';

/**
 * Takes one verified Cloud API webhook: stores every inbound message it can read (idempotently,
 * by wamid), applies delivery statuses, then offers new conversations to agents. Each entry,
 * change, contact, message and status is taken on its own: what cannot be read or applied is
 * logged with its reason (no personal data) and counted in `ctx.webhookSkips`, and the rest is
 * stored. Resolves once all of it is durably stored, so the webhook is acknowledged only then;
 * routing the new conversations is requested, not awaited.
 */
export async function receiveWebhook(ctx: PlatformContext, envelope: WebhookEnvelope): Promise<{ skipped: Skip[] }> {
  const { values, other, skipped } = readWebhook(envelope);
  for (const change of other) {
    // Template status and quality, number quality, groups…: acknowledged (Meta would retry
    // otherwise) and logged; a template's status is also stored for the admin's template list.
    console.info(
      `[webhook] acknowledged a ${change.field} update for account ${change.accountId}: ${describe(change.value)}`,
    );
  }
  const skip = (item: Skip, phoneNumberId?: string) => {
    skipped.push(item);
    const where = phoneNumberId ? ` for phone_number_id ${phoneNumberId}` : '';
    console.warn(`[webhook] a ${item.item}${where} was not stored: ${item.reason}`);
    ctx.webhookSkips.add(item);
  };
  for (const item of skipped.splice(0)) skip(item);
  // One mutation for the whole body: the lock is held only while its items are read and applied;
  // their writes then go out with other webhooks' (group commit), and the webhook is acknowledged
  // once its own data is durable (for a retried message: the earlier request's write). New
  // conversations are routed by a pass in the background, not awaited here.
  await mutate(ctx, (ctx) => {
    for (const change of other) {
      if (change.field === 'message_template_status_update') storeTemplateStatus(ctx, change.accountId, change.value);
    }
    let routable = false;
    for (const value of values) {
      const channel = ctx.store
        .where('channels', 'phoneNumberId', value.phoneNumberId)
        .find((candidate) => candidate.deletedAt === undefined);
      if (!channel) {
        console.warn(`[webhook] no channel for phone_number_id ${value.phoneNumberId}; ignored`);
        continue;
      }
      for (const message of value.messages) {
        const name = value.names.get(message.from ?? '');
        const stored = storeInbound(ctx, channel, message, name);
        if ('skipped' in stored) skip(stored.skipped, value.phoneNumberId);
        else routable ||= stored.routable;
      }
      for (const status of value.statuses) {
        const next = deliveryStatusOf(status.status);
        if (next) applyStatus(ctx, status, next);
        else {
          skip(
            { item: 'status', reason: `status "${safeWord(status.status)}" changes no delivery status` },
            value.phoneNumberId,
          );
        }
      }
    }
    if (routable) void ctx.routing.request();
  });
  return { skipped };
}

/** A status value for the log: Meta's words are short lower-case words; anything else is cut. */
function safeWord(value: string): string {
  return /^[a-z_]{1,20}$/.test(value) ? value : 'unrecognised';
}

/** A short description of a non-message webhook value for the log (no personal data). */
function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'no details';
  const v = value as Record<string, unknown>;
  const parts = ['event', 'message_template_name', 'message_template_language', 'display_phone_number', 'current_limit']
    .filter((key) => typeof v[key] === 'string')
    .map((key) => `${key}=${String(v[key])}`);
  return parts.join(' ') || 'no details';
}

/** Runs inside a mutation, synchronously: state is changed at once, durability comes later. */
function storeInbound(
  ctx: PlatformContext,
  channel: Channel,
  message: InboundMessage,
  profileName: string | undefined,
): { routable: boolean } | { skipped: Skip } {
  // Meta retried: already stored, perhaps by a request still waiting for its write: acknowledge
  // this one only once that write is durable too.
  if (ctx.store.get('messages', message.id)) {
    void ctx.store.sync();
    return { routable: false };
  }
  const from = message.from;
  if (from === undefined) return { skipped: { item: 'message', reason: 'from: missing' } };
  const now = ctx.clock.now();
  const sentAt = message.timestamp === undefined ? now : Number(message.timestamp) * 1000;
  const customer = ctx.store.get('customers', from);
  const name = profileName ?? customer?.name ?? formatPhone(fromWaId(from));
  const mine = ctx.store.where('conversations', 'customerWaId', from).filter((c) => c.channelId === channel.id);
  const open = mine.find((c) => c.status !== 'ended');
  // Not something the customer said: it opens no conversation (see `systemNotice`).
  if (message.type === 'system' || message.type === 'request_welcome') {
    return storeNotice(ctx, channel, message, mine, open, sentAt);
  }
  const surveyed = open ? undefined : awaitingSurveyAnswer(mine, message, now);
  if (surveyed) return storeSurveyAnswer(ctx, surveyed, message, sentAt);
  const conversation: Conversation = open
    ? withoutAwaiting({ ...open, customerName: name, lastInboundAt: Math.max(open.lastInboundAt ?? 0, sentAt) })
    : {
        id: newId('conv'),
        channelId: channel.id,
        customerWaId: from,
        customerName: name,
        ...route(ctx, channel, message, customer !== undefined),
        status: 'queued',
        createdAt: now,
        queuedAt: now,
        lastInboundAt: sentAt,
      };
  const stored = {
    id: message.id,
    conversationId: conversation.id,
    direction: 'inbound' as const,
    type: message.type,
    // A document's name is kept apart (media.filename), masked as a file name: its text is its caption.
    text: message.type === 'document' && message.document ? (message.document.caption ?? '') : inboundText(message),
    ...inboundAttachments(ctx.store, conversation.id, message),
    timestamp: sentAt,
    seq: ctx.messageSeq.next(),
    ...replyContext(answeredMessageId(ctx.store, conversation.id, message.context?.id)),
  };
  void ctx.store.commit([
    put('customers', { ...customer, id: from, name, firstSeenAt: customer?.firstSeenAt ?? now }),
    put('conversations', conversation),
    put('messages', stored),
  ]);
  if (conversation.status === 'active') {
    publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, stored));
    publishToParticipants(ctx, conversation, 'conversation.updated', (viewer) =>
      conversationView(ctx, conversation, viewer),
    );
  }
  return { routable: conversation.status === 'queued' };
}

/**
 * Skill and priority of a new contact: the channel's routing script decides (RT-4), or, on a
 * channel that routes by queues, the first matching routing queue (RT-3); when nothing applies,
 * the channel's default skill at priority 0.
 */
function route(ctx: PlatformContext, channel: Channel, message: InboundMessage, customerKnown: boolean) {
  const parsed = parsePhone(fromWaId(message.from ?? ''));
  const contact = {
    text: inboundText(message),
    channelId: channel.id,
    customerCountry: parsed.ok ? parsed.country : undefined,
    customerKnown,
    now: ctx.clock.now(),
    businessHours: slaSettings(ctx.store, channel.id).hours,
  };
  // The channel chooses: its routing script (RT-4) or the routing queues that include it (RT-3).
  let target: { skillId: string; priority: number } | undefined;
  if (routingModeOf(channel) === 'script') {
    const script = channel.defaultScriptId ? ctx.store.get('routingScripts', channel.defaultScriptId) : undefined;
    target = script ? evaluateScript(script, contact) : undefined;
  } else {
    target = matchQueue(ctx.store.all('routingQueues'), contact);
  }
  if (target && ctx.store.get('skills', target.skillId)) return { skillId: target.skillId, priority: target.priority };
  return { skillId: channel.defaultSkillId, priority: 0 };
}

const SURVEY_ANSWER_WINDOW_MS = 24 * 60 * 60_000;

/**
 * The ended conversation whose satisfaction survey this message answers (TP-4): a reply to the
 * survey message, or a bare rating 1–5, within a day of the survey. Anything else is a new contact.
 */
function awaitingSurveyAnswer(
  conversations: Conversation[],
  message: InboundMessage,
  now: number,
): Conversation | undefined {
  const latest = conversations
    .filter((c) => c.survey && c.survey.answer === undefined && now - c.survey.sentAt < SURVEY_ANSWER_WINDOW_MS)
    .sort((a, b) => (b.survey?.sentAt ?? 0) - (a.survey?.sentAt ?? 0))[0];
  if (!latest?.survey) return undefined;
  const repliesToSurvey = message.context?.id === latest.survey.messageId;
  const isRating = /^\s*[1-5]\s*$/.test(inboundText(message));
  return repliesToSurvey || isRating ? latest : undefined;
}

function storeSurveyAnswer(ctx: PlatformContext, conversation: Conversation, message: InboundMessage, sentAt: number) {
  const survey = conversation.survey;
  if (!survey) return { routable: false };
  const answer = inboundText(message).trim();
  void ctx.store.commit([
    put('conversations', { ...conversation, survey: { ...survey, answer, answeredAt: sentAt } }),
    put('messages', {
      id: message.id,
      conversationId: conversation.id,
      direction: 'inbound',
      type: message.type,
      text: inboundText(message),
      timestamp: sentAt,
      seq: ctx.messageSeq.next(),
    }),
  ]);
  return { routable: false };
}

/** The customer answered: the customer response timer stops. */
function withoutAwaiting(conversation: Conversation): Conversation {
  const { awaitingCustomerSince: _since, ...rest } = conversation;
  return rest;
}

/** Runs inside a mutation, synchronously. */
function applyStatus(ctx: PlatformContext, update: StatusUpdate, status: MessageStatusValue): void {
  const timestamp = update.timestamp === undefined ? ctx.clock.now() : Number(update.timestamp) * 1000;
  const error = update.errors?.[0];
  const failure = error
    ? { error: error.title ?? error.message ?? 'failed', errorCode: error.code }
    : status === 'failed'
      ? { error: 'failed' }
      : {};
  // Replies recorded before they were sent (the outbox) keep their own id and carry the wamid.
  const found = messageForStatus(ctx, update.id, update.biz_opaque_callback_data);
  if (!found) {
    // The send's answer has not been stored yet: keep the status for when it is.
    const orphan = ctx.store.get('orphanStatuses', update.id);
    if (!advancesStatus(orphan?.status, status)) return;
    void ctx.store.commit([
      put('orphanStatuses', { id: update.id, status, timestamp, receivedAt: ctx.clock.now(), ...failure }),
    ]);
    return;
  }
  const message = resolvedByStatus(found, update.id);
  if (!advancesStatus(message.status, status)) return;
  const updated = { ...message, status, statusAt: timestamp, ...failure };
  const conversation = ctx.store.get('conversations', message.conversationId);
  // A reply WhatsApp could not deliver is no answer: the first-response SLA clock runs again. One
  // that "may not have been sent" but did reach WhatsApp is: the clock stops at it.
  const reopened =
    conversation && status === 'failed'
      ? conversationAfterFailure(ctx, conversation, updated)
      : conversation && found.uncertain && conversation.firstResponseAt === undefined && updated.agentId
        ? { ...conversation, firstResponseAt: updated.timestamp }
        : undefined;
  void ctx.store.commit([put('messages', updated), ...(reopened ? [put('conversations', reopened)] : [])]);
  if (conversation) publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, updated));
  if (reopened) {
    publishToParticipants(ctx, reopened, 'conversation.updated', (viewer) => conversationView(ctx, reopened, viewer));
  }
}

const replyContext = (replyToId: string | undefined) => (replyToId ? { replyToId } : {});
