import { advancesStatus } from '../../../shared/delivery-status.ts';
import { newId } from '../../../shared/ids.ts';
import { fromWaId, parsePhone } from '../../../shared/phone.ts';
import { formatPhone } from '../../../shared/phone-format.ts';
import { matchQueue } from '../../../shared/routing/queues.ts';
import { evaluateScript } from '../../../shared/routing/script.ts';
import { inboundText } from '../../../shared/whatsapp/inbound-text.ts';
import {
  type InboundMessage,
  type MessagesValue,
  messagesValueSchema,
  type StatusUpdate,
  type WebhookEnvelope,
} from '../../../shared/whatsapp/webhook-schema.ts';
import { ApiError, zodIssues } from '../http/errors.ts';
import type { PlatformContext } from './context.ts';
import { dispatch } from './dispatcher.ts';
import { conversationAfterFailure } from './outbox.ts';
import { publishToParticipants } from './participants.ts';
import type { Channel, Conversation } from './records.ts';
import { put, routingModeOf } from './records.ts';
import { slaSettings } from './sla.ts';
import { conversationView, messageView } from './views.ts';

/**
 * Takes one verified Cloud API webhook: stores every inbound message (idempotently, by wamid),
 * applies delivery statuses, then offers new conversations to agents. Resolves once all of it is
 * durably stored, so the webhook is acknowledged only then.
 */
export async function receiveWebhook(ctx: PlatformContext, envelope: WebhookEnvelope): Promise<void> {
  const values: MessagesValue[] = [];
  for (const entry of envelope.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        // Template status and quality, number quality, groups…: acknowledged (Meta would retry
        // otherwise) and logged, not acted on by the platform.
        console.info(
          `[webhook] acknowledged a ${change.field} update for account ${entry.id}: ${describe(change.value)}`,
        );
        continue;
      }
      const parsed = messagesValueSchema.safeParse(change.value);
      if (!parsed.success) {
        throw new ApiError(
          400,
          'invalid_webhook',
          'The webhook value does not match the Cloud API shape',
          zodIssues(parsed.error),
        );
      }
      values.push(parsed.data);
    }
  }
  let routable = false;
  const durable: Promise<void>[] = [];
  for (const value of values) {
    const channel = ctx.store
      .where('channels', 'phoneNumberId', value.metadata.phone_number_id)
      .find((candidate) => candidate.deletedAt === undefined);
    if (!channel) {
      console.warn(`[webhook] no channel for phone_number_id ${value.metadata.phone_number_id}; ignored`);
      continue;
    }
    for (const message of value.messages ?? []) {
      const name = value.contacts?.find((contact) => contact.wa_id === message.from)?.profile?.name;
      const stored = await ctx.serial.run(async () => storeInbound(ctx, channel, message, name));
      routable ||= stored.routable;
      durable.push(stored.durable);
    }
    for (const status of value.statuses ?? []) {
      // Wrapped so the serial queue does not wait for the durability promise itself.
      const applied = await ctx.serial.run(async () => ({ durable: applyStatus(ctx, status) }));
      durable.push(applied.durable);
    }
  }
  // The serial queue is held only while state is read and changed; the durable writes of many
  // webhooks then go out together (group commit), and this one is acknowledged once its own are on
  // disk (for a retried message: the earlier request's write).
  await Promise.all(durable);
  if (routable) await ctx.serial.run(() => dispatch(ctx));
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

/** A commit's durability, observed later: a rejection must not count as unhandled meanwhile. */
function later(durable: Promise<void>): Promise<void> {
  durable.catch(() => undefined);
  return durable;
}

/** Runs inside `ctx.serial`, synchronously: state is changed at once, durability comes later. */
function storeInbound(
  ctx: PlatformContext,
  channel: Channel,
  message: InboundMessage,
  profileName: string | undefined,
): { routable: boolean; durable: Promise<void> } {
  // Meta retried: already stored, perhaps by a request still waiting for its write: acknowledge
  // this one only once that write is durable too.
  if (ctx.store.get('messages', message.id)) return { routable: false, durable: later(ctx.store.sync()) };
  const now = ctx.clock.now();
  const sentAt = Number(message.timestamp) * 1000;
  const customer = ctx.store.get('customers', message.from);
  const name = profileName ?? customer?.name ?? formatPhone(fromWaId(message.from));
  const mine = ctx.store.where('conversations', 'customerWaId', message.from).filter((c) => c.channelId === channel.id);
  const open = mine.find((c) => c.status !== 'ended');
  const surveyed = open ? undefined : awaitingSurveyAnswer(mine, message, now);
  if (surveyed) return storeSurveyAnswer(ctx, surveyed, message, sentAt);
  const conversation: Conversation = open
    ? withoutAwaiting({ ...open, customerName: name, lastInboundAt: Math.max(open.lastInboundAt ?? 0, sentAt) })
    : {
        id: newId('conv'),
        channelId: channel.id,
        customerWaId: message.from,
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
    text: inboundText(message),
    ...(message.type === 'image' && message.image
      ? { media: { id: message.image.id, ...(message.image.mime_type ? { mimeType: message.image.mime_type } : {}) } }
      : {}),
    timestamp: sentAt,
    seq: ctx.messageSeq.next(),
  };
  const durable = later(
    ctx.store.commit([
      put('customers', { ...customer, id: message.from, name, firstSeenAt: customer?.firstSeenAt ?? now }),
      put('conversations', conversation),
      put('messages', stored),
    ]),
  );
  if (conversation.status === 'active') {
    publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, stored));
    publishToParticipants(ctx, conversation, 'conversation.updated', (viewer) =>
      conversationView(ctx, conversation, viewer),
    );
  }
  return { routable: conversation.status === 'queued', durable };
}

/**
 * Skill and priority of a new contact: the channel's routing script decides (RT-4), or, on a
 * channel that routes by queues, the first matching routing queue (RT-3); when nothing applies,
 * the channel's default skill at priority 0.
 */
function route(ctx: PlatformContext, channel: Channel, message: InboundMessage, customerKnown: boolean) {
  const parsed = parsePhone(fromWaId(message.from));
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
  if (!survey) return { routable: false, durable: Promise.resolve() };
  const answer = inboundText(message).trim();
  const durable = later(
    ctx.store.commit([
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
    ]),
  );
  return { routable: false, durable };
}

/** The customer answered: the customer response timer stops. */
function withoutAwaiting(conversation: Conversation): Conversation {
  const { awaitingCustomerSince: _since, ...rest } = conversation;
  return rest;
}

/** Runs inside `ctx.serial`, synchronously; returns the durability of what it changed. */
function applyStatus(ctx: PlatformContext, update: StatusUpdate): Promise<void> {
  const timestamp = Number(update.timestamp) * 1000;
  const error = update.errors?.[0];
  const failure = error
    ? { error: error.title ?? error.message ?? 'failed', errorCode: error.code }
    : update.status === 'failed'
      ? { error: 'failed' }
      : {};
  // Replies recorded before they were sent (the outbox) keep their own id and carry the wamid.
  const message = ctx.store.get('messages', update.id) ?? ctx.store.where('messages', 'wamid', update.id)[0];
  if (!message) {
    // The send's answer has not been stored yet: keep the status for when it is.
    const orphan = ctx.store.get('orphanStatuses', update.id);
    if (!advancesStatus(orphan?.status, update.status)) return Promise.resolve();
    return later(
      ctx.store.commit([put('orphanStatuses', { id: update.id, status: update.status, timestamp, ...failure })]),
    );
  }
  if (!advancesStatus(message.status, update.status)) return Promise.resolve();
  const updated = { ...message, status: update.status, statusAt: timestamp, ...failure };
  const conversation = ctx.store.get('conversations', message.conversationId);
  // A reply WhatsApp could not deliver is no answer: the first-response SLA clock runs again.
  const reopened =
    conversation && update.status === 'failed' ? conversationAfterFailure(ctx, conversation, updated) : undefined;
  const durable = later(
    ctx.store.commit([put('messages', updated), ...(reopened ? [put('conversations', reopened)] : [])]),
  );
  if (conversation) publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, updated));
  if (reopened) {
    publishToParticipants(ctx, reopened, 'conversation.updated', (viewer) => conversationView(ctx, reopened, viewer));
  }
  return durable;
}
