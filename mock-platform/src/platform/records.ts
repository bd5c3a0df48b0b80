import { z } from 'zod';
import {
  messageContactSchema,
  messageLocationSchema,
  messageMediaSchema,
  messageReactionSchema,
} from '../../../shared/api/attachment-schemas.ts';
import { cannedResponseSchema } from '../../../shared/api/canned-responses.ts';
import { channelPermissionSchema } from '../../../shared/api/permissions.ts';
import {
  agentStateSchema,
  conversationStatusSchema,
  deliveryStatusSchema,
  userRoleSchema,
} from '../../../shared/api/schemas.ts';
import { MAX_CUSTOMER_TAGS } from '../../../shared/customers/tags.ts';
import { evaluationSchema } from '../../../shared/routing/choose-agent.ts';
import { routingQueueSchema } from '../../../shared/routing/queues.ts';
import { screenPopUrlSchema } from '../../../shared/routing/screen-pop.ts';
import { routingScriptSchema } from '../../../shared/routing/script.ts';
import { storedBusinessHoursSchema } from '../../../shared/sla/business-hours.ts';
import { writeOps } from '../store/store.ts';
import type { IndexSpecs } from '../store/tables.ts';
import { templateStatusRecordSchema } from './template-status-record.ts';

/**
 * What the platform stores, one zod schema per collection: rows are validated on every write.
 * Identifiers are strings; times are epoch milliseconds from the injected clock.
 */

export const accountSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  /** The WhatsApp Business account id on the Cloud API side. */
  wabaId: z.string(),
});

export const slaPolicySchema = z.object({
  firstResponseMs: z.number().int().min(60_000, 'must be at least one minute'),
  resolutionMs: z.number().int().min(60_000, 'must be at least one minute'),
});

export const channelSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  name: z.string().min(1),
  /** Cloud API phone number id: the path segment for sending, and webhook metadata. */
  phoneNumberId: z.string(),
  /** E.164 with the plus sign. */
  phoneNumber: z.string().regex(/^\+\d{6,15}$/),
  status: z.enum(['pending', 'approved']),
  defaultSkillId: z.string(),
  /** The channel's own SLA; absent = follow the global one (SL-1). */
  sla: slaPolicySchema.optional(),
  /** The channel's own business hours; absent = the tenant's. */
  businessHours: storedBusinessHoursSchema.optional(),
  /** Sent to the customer when an agent ends a conversation (TP-4); its `{{1}}` is the customer's name. */
  surveyTemplate: z.object({ name: z.string().min(1), language: z.string().min(2) }).optional(),
  /**
   * How a new contact gets its skill and priority (RT-2 … RT-4): the channel's routing script, or
   * the routing queues that include the channel. Absent (channels saved before the choice
   * existed): the script when there is one, else the queues (`routingModeOf`).
   */
  routingMode: z.enum(['script', 'queues']).optional(),
  /** The routing script run on each new contact when the channel routes by script. */
  defaultScriptId: z.string().optional(),
  /** Deleted by an administrator: kept so old conversations still show their numbers. */
  deletedAt: z.number().optional(),
});

/** Service level per inbound skill (RT-6): the share of contacts answered within the threshold. */
export const serviceLevelSchema = z.object({
  targetPercent: z.number().int().min(1, 'must be 1–100').max(100, 'must be 1–100'),
  thresholdSeconds: z.number().int().min(1, 'must be at least 1 second').max(86_400, 'must be at most one day'),
});

export const skillSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  /** RT-1: digital skills are inbound unless used for personal-connection style outbound. */
  direction: z.enum(['inbound', 'outbound']).optional(),
  campaign: z.string().max(200).optional(),
  /** The message template used for rich outbound content (its name on the WhatsApp account). */
  outboundTemplate: z.string().max(512).optional(),
  /** The overflow: where a conversation goes when it has waited the queue time-out in this skill. */
  secondarySkillId: z.string().optional(),
  /**
   * Queue time-out: seconds a conversation may wait in this skill's queue; then it overflows to
   * the secondary skill and/or the customer gets the automatic message (each once).
   */
  queueTimeoutSeconds: z.number().int().min(10).max(86_400).optional(),
  /** Sent at the queue time-out when the customer's 24-hour window is open. */
  queueTimeoutMessage: z.string().trim().min(1).max(1024).optional(),
  /** Sent at the queue time-out when the window has closed (an approved template; `{{1}}` is the customer's name). */
  queueTimeoutTemplate: z.object({ name: z.string().min(1), language: z.string().min(2) }).optional(),
  serviceLevel: serviceLevelSchema.optional(),
  /** Agents may reject an offer (it goes to another agent); accepting is always required. */
  acceptReject: z.boolean(),
  /**
   * Seconds a rejected conversation is not offered again to the agent who rejected it (default
   * 60); afterwards it may come back to her, so a conversation nobody else takes is never stranded.
   */
  rejectCooldownSeconds: z.number().int().min(0).max(3600).optional(),
  /** Agent response timer: an offer not accepted in time puts the agent in RONA. */
  agentResponseSeconds: z.number().int().min(5).max(3600).optional(),
  /** Opened for the agent when a conversation of this skill connects (RT-9); `{placeholders}` allowed. */
  screenPopUrl: screenPopUrlSchema.optional(),
  /** Evaluation criteria (RT-5); absent = skill proficiency. */
  evaluation: evaluationSchema.optional(),
  /**
   * After-contact work: seconds an agent has for the wrap-up she owes after handing a conversation
   * over (no new offers meanwhile); then it is submitted with `defaultClosureReasonId`. Absent: 120.
   */
  wrapUpSeconds: z.number().int().min(10, 'must be 10–3600 seconds').max(3600, 'must be 10–3600 seconds').optional(),
  /** The closure reason of a wrap-up submitted because its time ran out; absent: the first by name. */
  defaultClosureReasonId: z.string().optional(),
  /** Customer response timer: minutes the conversation waits for the customer after the agent wrote; 0 or absent = off. */
  customerResponseMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),
});

export const userSchema = z.object({
  id: z.string(),
  username: z.string().min(1),
  displayName: z.string().min(1),
  role: userRoleSchema,
  /** The agent's one digital role (RP-2): which channels they work and with what permissions. */
  roleId: z.string().optional(),
  passwordHash: z.string(),
  skills: z.array(z.object({ skillId: z.string(), proficiency: z.number().int().min(1).max(10) })),
  /** How many digital conversations the agent may hold at once. */
  capacity: z.number().int().min(1).max(50),
});

export const agentStatusRecordSchema = z.object({
  /** The agent's user id. */
  id: z.string(),
  /** After-contact work is derived from the wrap-ups she owes (`agent-status.ts`), never stored. */
  state: agentStateSchema.exclude(['acw']),
  since: z.number(),
  /** When the agent last received a conversation: ties in proficiency go to the longest idle. */
  lastAssignedAt: z.number().optional(),
  /** Why she is Unavailable: an administrator's unavailable reason, or a system one (`disconnected`, `signed-out`). */
  reasonId: z.string().optional(),
});
export type AgentStatusRecord = z.infer<typeof agentStatusRecordSchema>;

export const sessionSchema = z.object({
  /** SHA-256 of the bearer token: the token itself is never stored. */
  id: z.string(),
  userId: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
  /**
   * `refresh`: a "stay signed in" credential, only ever exchanged at `/api/auth/resume`, never a
   * bearer token. Kept with the sessions so every revocation (sign-out everywhere, a new password,
   * a deleted user) removes it too.
   */
  kind: z.literal('refresh').optional(),
  /** The refresh credential this session belongs to: signing out of the session revokes it too. */
  refreshId: z.string().optional(),
});

export const closureReasonSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
});

/** Why an agent may be Unavailable (Break, Lunch…), named in English and Spanish; the agent picks one. */
export const unavailableReasonSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
  nameEs: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
});

/** A role (RP-1 … RP-3): per channel, the permissions its agents have there. */
export const roleSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1, 'is required').max(120),
  description: z.string().max(500).optional(),
  /** Channel id → the permissions granted on it; a channel absent here is not available to the role. */
  channels: z.record(z.string(), z.array(channelPermissionSchema)),
});

/** A custom UI component (TP-5): the template picker's page, loaded in the agent's panel. */
export const customComponentSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1, 'is required').max(120),
  /** The template-settings URL with `%s` appended: replaced by the conversation id. */
  url: z.string().max(2048),
  height: z.number().int().min(50, 'must be at least 50 px').max(2000, 'must be at most 2000 px'),
  /** None = every channel. */
  channelIds: z.array(z.string()),
});

export const richMessageSchema = z.object({
  id: z.string(),
  name: z.string().trim().min(1, 'is required').max(120),
  /** Assigned channels (TP-3): defined once, used on several. */
  channelIds: z.array(z.string()),
  content: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('quick_replies'),
      text: z.string().trim().min(1, 'is required').max(1024),
      options: z.array(z.string().trim().min(1, 'is required').max(20, 'at most 20 characters')).min(1).max(3),
    }),
    z.object({
      kind: z.literal('rich_link'),
      title: z.string().trim().min(1, 'is required').max(200),
      url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
      description: z.string().max(500).optional(),
    }),
    z.object({
      kind: z.literal('list_picker'),
      text: z.string().trim().min(1, 'is required').max(1024),
      button: z.string().trim().min(1, 'is required').max(20, 'at most 20 characters'),
      items: z
        .array(
          z.object({
            title: z.string().trim().min(1, 'is required').max(24, 'at most 24 characters'),
            description: z.string().max(72, 'at most 72 characters').optional(),
          }),
        )
        .min(1)
        .max(10),
    }),
    z.object({
      kind: z.literal('time_picker'),
      text: z.string().trim().min(1, 'is required').max(1024),
      /** Offered slots as ISO local date-times, e.g. 2026-11-23T10:00. */
      slots: z
        .array(z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be YYYY-MM-DDTHH:MM'))
        .min(1)
        .max(10),
    }),
  ]),
});

/** Who changed what in the administration, and when. Never edited. */
export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.number(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.enum(['create', 'update', 'delete']),
  resource: z.string(),
  resourceId: z.string(),
  summary: z.string().max(500),
  /** What an update changed, field by field (secrets say only that they changed). */
  changes: z
    .array(z.object({ field: z.string(), before: z.string(), after: z.string() }))
    .max(100)
    .optional(),
});

export const customerSchema = z.object({
  /** wa_id: E.164 without the plus. */
  id: z.string(),
  name: z.string(),
  firstSeenAt: z.number(),
  /** The agent who last took one of the customer's conversations: the preferred agent "by customer". */
  lastAgentId: z.string().optional(),
  /** Per channel: the preferred agent "by case". */
  lastAgentByChannel: z.record(z.string(), z.string()).optional(),
  /** Tags agents put on the customer, validated by customerTagSchema (shared/customers/tags.ts). */
  tags: z.array(z.string()).max(MAX_CUSTOMER_TAGS).optional(),
});

export const conversationSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  customerWaId: z.string(),
  customerName: z.string(),
  skillId: z.string(),
  status: conversationStatusSchema,
  priority: z.number().int(),
  createdAt: z.number(),
  queuedAt: z.number(),
  lastInboundAt: z.number().optional(),
  /** The first agent reply: stops the first-response SLA clock. */
  firstResponseAt: z.number().optional(),
  agentId: z.string().optional(),
  offerId: z.string().optional(),
  /** The agent who sent it to a queue (a queue transfer): its offers say so until someone accepts it. */
  transferredBy: z.string().optional(),
  /** Agent id → when they last rejected it: routing passes them over until the skill's cooldown ends. */
  rejections: z.record(z.string(), z.number()).optional(),
  /** When it began waiting in its current skill's queue (an overflow restarts it); absent = `queuedAt`. */
  skillQueuedAt: z.number().optional(),
  /** Skills whose queue time-out has acted on this conversation: each acts once. */
  queueTimeouts: z.array(z.string()).optional(),
  /** When the queue time-out's automatic message was sent (or tried): it goes once per conversation. */
  autoMessageAt: z.number().optional(),
  /** Set when the agent writes, cleared when the customer does: the customer response timer. */
  awaitingCustomerSince: z.number().optional(),
  endedAt: z.number().optional(),
  endedBy: z.enum(['agent', 'customer_timeout', 'interrupted', 'supervisor']).optional(),
  closureReasonId: z.string().optional(),
  wrapUpNote: z.string().max(2000).optional(),
  /** The satisfaction survey sent at the end (TP-4), and the customer's answer once it comes. */
  survey: z
    .object({
      messageId: z.string(),
      sentAt: z.number(),
      answer: z.string().optional(),
      answeredAt: z.number().optional(),
    })
    .optional(),
  /** A resource it depends on was deleted (AG-4): no more replies, the agent can only end it. */
  interrupted: z.object({ at: z.number(), reason: z.string() }).optional(),
  /** The month file its messages were archived to (platform/archive.ts); absent while they are in memory. */
  archivedIn: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .optional(),
  /** A second agent invited by the owner (AG-9): requested until they accept, then active. */
  conference: z
    .object({ state: z.enum(['requested', 'active']), agentId: z.string(), offerId: z.string(), since: z.number() })
    .optional(),
});

export const offerSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  agentId: z.string(),
  /** revoked: the agent went unavailable; expired: not answered in time (RONA). */
  status: z.enum(['pending', 'accepted', 'rejected', 'revoked', 'expired']),
  offeredAt: z.number(),
  answeredAt: z.number().optional(),
  /** Set on a transfer to this agent: who handed the conversation over. */
  fromAgentId: z.string().optional(),
  /** An invitation to join the owner's conversation, not to take it over. */
  purpose: z.enum(['conference']).optional(),
});

/**
 * An agent's wrap-up of their part in a conversation: pending after a transfer until they pick a
 * closure reason; done when they end the conversation or submit it.
 */
export const wrapUpSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  agentId: z.string(),
  reason: z.enum(['end', 'transfer', 'conference']),
  status: z.enum(['pending', 'done']),
  createdAt: z.number(),
  closureReasonId: z.string().optional(),
  note: z.string().max(2000).optional(),
  doneAt: z.number().optional(),
  /** The conversation's skill when she handed it over: its wrap-up time and default reason apply. */
  skillId: z.string().optional(),
  /** When her wrap-up time (the skill's) runs out: the platform then submits it for her. */
  dueAt: z.number().optional(),
  /** Submitted by the platform when the wrap-up time ran out, with the skill's default reason. */
  automatic: z.boolean().optional(),
});

export const messageSchema = z.object({
  /** The Cloud API message id (wamid) when there is one: inbound ids make webhooks idempotent. */
  id: z.string(),
  conversationId: z.string(),
  /** `note`: an agent's private note (issue 16): never sent to WhatsApp, never a customer or agent message. */
  direction: z.enum(['inbound', 'outbound', 'system', 'note']),
  type: z.string(),
  text: z.string(),
  timestamp: z.number(),
  /** Creation order within the platform: transcripts are shown in this order. */
  seq: z.number().int().optional(),
  status: deliveryStatusSchema.optional(),
  statusAt: z.number().optional(),
  agentId: z.string().optional(),
  error: z.string().optional(),
  /** Meta's code for a refusal or a `failed` status. */
  errorCode: z.number().int().optional(),
  /** The Cloud API's answer never came (timeout, 5xx, restart mid-send): it may have been sent. */
  uncertain: z.boolean().optional(),
  /**
   * The Cloud API's message id of a reply recorded before it was sent (its `id` is the platform's
   * own): status webhooks find it by this.
   */
  wamid: z.string().optional(),
  /** A rich message sent from the composer: what a retry sends again. */
  richMessageId: z.string().optional(),
  /** The agent retried this failed reply: the new attempt's id. */
  retriedAs: z.string().optional(),
  /**
   * WhatsApp refused it for a rate limit (130429, 131056) and said when to try again: the sweep
   * sends it again then, once (`platform/rate-limit-retry.ts`).
   */
  retryAt: z.number().optional(),
  /** Sent again by the platform after a rate limit: not retried on its own a second time. */
  autoRetry: z.boolean().optional(),
  /** Sent by the platform on its own (the queue time-out's message), not by an agent. */
  automatic: z.boolean().optional(),
  /** Media the customer or the agent sent: its Cloud API media id, fetched on demand for the agent. */
  media: messageMediaSchema.optional(),
  /** A place the customer shared. */
  location: messageLocationSchema.optional(),
  /** Contact cards the customer shared. */
  contacts: z.array(messageContactSchema).optional(),
  /** A reaction to another message of the conversation. */
  reaction: messageReactionSchema.optional(),
  /** The message of this conversation it answers (WhatsApp's `context`): an agent's reply to a customer's message, or the reverse. */
  replyToId: z.string().optional(),
});

/** Delivery statuses that arrived before the message they describe was stored. */
export const orphanStatusSchema = z.object({
  id: z.string(),
  status: deliveryStatusSchema,
  timestamp: z.number(),
  error: z.string().optional(),
  errorCode: z.number().int().optional(),
  /** When the platform got it (absent on rows stored before): stale ones are dropped (`orphan-statuses.ts`). */
  receivedAt: z.number().optional(),
});

/** Tenant-wide settings; one row, id `tenant`. */
export const settingsSchema = z.object({
  id: z.literal('tenant'),
  /** "Mask sensitive customer data" (AG-6): agents never receive unmasked values while on. */
  maskSensitiveData: z.boolean(),
  /** The global SLA (SL-1); absent = the defaults in `platform/sla.ts`. */
  sla: slaPolicySchema.optional(),
  /** Business hours the SLA clocks run in (SL-3); absent = the defaults in `platform/sla.ts`. */
  businessHours: storedBusinessHoursSchema.optional(),
  /** Seconds an agent's event streams may be gone before she is made Unavailable ("disconnected"); absent = 20. */
  disconnectGraceSeconds: z.number().int().min(5, 'must be 5–600 seconds').max(600, 'must be 5–600 seconds').optional(),
});

export const platformSchemas = {
  routingScripts: routingScriptSchema,
  routingQueues: routingQueueSchema,
  roles: roleSchema,
  customComponents: customComponentSchema,
  richMessages: richMessageSchema,
  audit: auditEntrySchema,
  settings: settingsSchema,
  accounts: accountSchema,
  channels: channelSchema,
  skills: skillSchema,
  users: userSchema,
  agentStatus: agentStatusRecordSchema,
  sessions: sessionSchema,
  closureReasons: closureReasonSchema,
  unavailableReasons: unavailableReasonSchema,
  cannedResponses: cannedResponseSchema,
  customers: customerSchema,
  conversations: conversationSchema,
  offers: offerSchema,
  wrapUps: wrapUpSchema,
  messages: messageSchema,
  orphanStatuses: orphanStatusSchema,
  templateStatuses: templateStatusRecordSchema,
} as const;

export type PlatformSchema = { [C in keyof typeof platformSchemas]: z.infer<(typeof platformSchemas)[C]> };
export type Channel = PlatformSchema['channels'];

/** The channel's routing choice: its stored one, or what it did before the choice existed. */
export function routingModeOf(channel: Channel): 'script' | 'queues' {
  return channel.routingMode ?? (channel.defaultScriptId ? 'script' : 'queues');
}
export type User = PlatformSchema['users'];
export type Conversation = PlatformSchema['conversations'];
export type Offer = PlatformSchema['offers'];
export type Message = PlatformSchema['messages'];
export type Role = PlatformSchema['roles'];

export const platformIndexes: IndexSpecs<PlatformSchema> = {
  users: ['username'],
  channels: ['phoneNumberId'],
  sessions: ['userId'],
  conversations: [
    'customerWaId',
    'agentId',
    'status',
    // The agent who joined as a conference guest: it counts against their capacity too.
    { name: 'guestId', value: (c) => (c.conference?.state === 'active' ? c.conference.agentId : undefined) },
    // Ended conversations whose messages are still in memory: what the archive pass looks at.
    { name: 'unarchived', value: (c) => (c.status === 'ended' && !c.archivedIn ? 'ended' : undefined) },
  ],
  offers: ['agentId', 'conversationId', 'status'],
  wrapUps: ['agentId', 'conversationId', 'status'],
  messages: [
    'conversationId',
    { name: 'wamid', value: (m) => m.wamid },
    // Replies waiting to be sent again after a rate limit: found by the sweep without a scan.
    { name: 'retryAt', value: (m) => (m.retryAt !== undefined && !m.retriedAs ? 'waiting' : undefined) },
  ],
  // An administrable row's version is the number of audit entries about it (routes/versions.ts).
  audit: ['resourceId'],
};

export const { put, remove } = writeOps<PlatformSchema>();
