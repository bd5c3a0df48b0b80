import { z } from 'zod';
import {
  agentStateSchema,
  conversationStatusSchema,
  deliveryStatusSchema,
  userRoleSchema,
} from '../../../shared/api/schemas.ts';
import { evaluationSchema } from '../../../shared/routing/choose-agent.ts';
import { routingQueueSchema } from '../../../shared/routing/queues.ts';
import { screenPopUrlSchema } from '../../../shared/routing/screen-pop.ts';
import { routingScriptSchema } from '../../../shared/routing/script.ts';
import { businessHoursSchema } from '../../../shared/sla/business-hours.ts';
import type { SegmentedStoreOptions } from '../store/segmented-store.ts';
import { writeOps } from '../store/store.ts';

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
  businessHours: businessHoursSchema.optional(),
  /** Sent to the customer when an agent ends a conversation (TP-4); its `{{1}}` is the customer's name. */
  surveyTemplate: z.object({ name: z.string().min(1), language: z.string().min(2) }).optional(),
  /** The routing script run on each new contact (RT-2, RT-4); absent = the default skill. */
  defaultScriptId: z.string().optional(),
  /** Deleted by an administrator: kept so old conversations still show their numbers. */
  deletedAt: z.number().optional(),
});

export const skillSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
  /** Agents may reject an offer (it goes to another agent); accepting is always required. */
  acceptReject: z.boolean(),
  /** Agent response timer: an offer not accepted in time puts the agent in RONA. */
  agentResponseSeconds: z.number().int().min(5).max(3600).optional(),
  /** Opened for the agent when a conversation of this skill connects (RT-9); `{placeholders}` allowed. */
  screenPopUrl: screenPopUrlSchema.optional(),
  /** Evaluation criteria (RT-5); absent = skill proficiency. */
  evaluation: evaluationSchema.optional(),
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
  passwordHash: z.string(),
  skills: z.array(z.object({ skillId: z.string(), proficiency: z.number().int().min(1).max(10) })),
  /** How many digital conversations the agent may hold at once. */
  capacity: z.number().int().min(1).max(50),
});

export const agentStatusRecordSchema = z.object({
  /** The agent's user id. */
  id: z.string(),
  state: agentStateSchema,
  since: z.number(),
  /** When the agent last received a conversation: ties in proficiency go to the longest idle. */
  lastAssignedAt: z.number().optional(),
});

export const sessionSchema = z.object({
  /** SHA-256 of the bearer token: the token itself is never stored. */
  id: z.string(),
  userId: z.string(),
  createdAt: z.number(),
  expiresAt: z.number(),
});

export const closureReasonSchema = z.object({
  id: z.string(),
  name: z.string().min(1),
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
  /** Agents who rejected this conversation: routing offers it to someone else. */
  rejectedBy: z.array(z.string()).optional(),
  /** Set when the agent writes, cleared when the customer does: the customer response timer. */
  awaitingCustomerSince: z.number().optional(),
  endedAt: z.number().optional(),
  endedBy: z.enum(['agent', 'customer_timeout', 'interrupted']).optional(),
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
});

export const messageSchema = z.object({
  /** The Cloud API message id (wamid) when there is one: inbound ids make webhooks idempotent. */
  id: z.string(),
  conversationId: z.string(),
  direction: z.enum(['inbound', 'outbound', 'system']),
  type: z.string(),
  text: z.string(),
  timestamp: z.number(),
  /** Creation order within the platform: transcripts are shown in this order. */
  seq: z.number().int().optional(),
  status: deliveryStatusSchema.optional(),
  statusAt: z.number().optional(),
  agentId: z.string().optional(),
  error: z.string().optional(),
});

/** Delivery statuses that arrived before the message they describe was stored. */
export const orphanStatusSchema = z.object({
  id: z.string(),
  status: deliveryStatusSchema,
  timestamp: z.number(),
  error: z.string().optional(),
});

/** Tenant-wide settings; one row, id `tenant`. */
export const settingsSchema = z.object({
  id: z.literal('tenant'),
  /** "Mask sensitive customer data" (AG-6): agents never receive unmasked values while on. */
  maskSensitiveData: z.boolean(),
  /** The global SLA (SL-1); absent = the defaults in `platform/sla.ts`. */
  sla: slaPolicySchema.optional(),
  /** Business hours the SLA clocks run in (SL-3); absent = the defaults in `platform/sla.ts`. */
  businessHours: businessHoursSchema.optional(),
});

export const platformSchemas = {
  routingScripts: routingScriptSchema,
  routingQueues: routingQueueSchema,
  settings: settingsSchema,
  accounts: accountSchema,
  channels: channelSchema,
  skills: skillSchema,
  users: userSchema,
  agentStatus: agentStatusRecordSchema,
  sessions: sessionSchema,
  closureReasons: closureReasonSchema,
  customers: customerSchema,
  conversations: conversationSchema,
  offers: offerSchema,
  wrapUps: wrapUpSchema,
  messages: messageSchema,
  orphanStatuses: orphanStatusSchema,
} as const;

export type PlatformSchema = { [C in keyof typeof platformSchemas]: z.infer<(typeof platformSchemas)[C]> };
export type Channel = PlatformSchema['channels'];
export type User = PlatformSchema['users'];
export type Conversation = PlatformSchema['conversations'];
export type Offer = PlatformSchema['offers'];
export type Message = PlatformSchema['messages'];

export const platformIndexes: NonNullable<SegmentedStoreOptions<PlatformSchema>['indexes']> = {
  users: ['username'],
  channels: ['phoneNumberId'],
  sessions: ['userId'],
  conversations: [
    'customerWaId',
    'agentId',
    'status',
    // The agent who joined as a conference guest: it counts against their capacity too.
    { name: 'guestId', value: (c) => (c.conference?.state === 'active' ? c.conference.agentId : undefined) },
  ],
  offers: ['agentId', 'conversationId', 'status'],
  wrapUps: ['agentId'],
  messages: ['conversationId'],
};

export const { put, remove } = writeOps<PlatformSchema>();
