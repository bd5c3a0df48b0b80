import { z } from 'zod';
import { writeOps } from '../store/store.ts';
import type { IndexSpecs } from '../store/tables.ts';

/** What the simulated Meta side stores: accounts, numbers, templates and the customers' phones. */

export const simWabaSchema = z.object({
  id: z.string(),
  name: z.string(),
  businessManagerId: z.string().optional(),
  timeZone: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
  country: z.string().optional(),
  address: z.string().optional(),
});

export const simPhoneNumberSchema = z.object({
  id: z.string(),
  wabaId: z.string(),
  /** E.164 with the plus sign. */
  phoneNumber: z.string(),
  verifiedName: z.string(),
  /** DISCONNECTED: deregistered (`POST /{phone-number-id}/deregister`): it sends nothing until registered again. */
  status: z.enum(['PENDING', 'CONNECTED', 'FLAGGED', 'RESTRICTED', 'DISCONNECTED']),
  qualityRating: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']),
  messagingLimitTier: z.enum(['TIER_250', 'TIER_1K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED']),
  codeVerificationStatus: z.enum(['NOT_VERIFIED', 'VERIFIED', 'EXPIRED']),
  /** SHA-256 of the two-step verification PIN set at registration. */
  pinHash: z.string().optional(),
  /** Registered and waiting for WhatsApp's approval of the display name: CONNECTED from this time. */
  approvesAt: z.number().optional(),
  /** The display name's certificate (`name_status`); absent: APPROVED. */
  nameStatus: z
    .enum(['APPROVED', 'AVAILABLE_WITHOUT_REVIEW', 'DECLINED', 'EXPIRED', 'PENDING_REVIEW', 'NONE'])
    .optional(),
  /** A display name change asked with `POST /{phone-number-id}` (`new_display_name`), and its review. */
  newDisplayName: z.string().optional(),
  newNameStatus: z.enum(['PENDING_REVIEW', 'APPROVED', 'DECLINED']).optional(),
  /** When WhatsApp's review of `newDisplayName` approves it, unless the reviewer decided before. */
  nameReviewAt: z.number().optional(),
  /** The business's WhatsApp username (`username`), unique on WhatsApp. */
  username: z.string().optional(),
  /** Whether the business shows up in WhatsApp's search (`search_visibility`); absent: VISIBLE. */
  searchVisibility: z.enum(['VISIBLE', 'HIDDEN']).optional(),
  /** One of Meta's developer test numbers (`+1 555 …`, `account_mode` SANDBOX): ready at once, never verified by code. */
  testNumber: z.boolean().optional(),
});

export const simTemplateSchema = z.object({
  id: z.string(),
  wabaId: z.string(),
  name: z.string(),
  language: z.string(),
  category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']),
  status: z.enum(['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED']),
  components: z.array(z.record(z.string(), z.unknown())),
  qualityScore: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']).optional(),
  rejectedReason: z.string().optional(),
  /** When it was submitted (created or edited) for review: the clock's review counts from it. */
  submittedAt: z.number().optional(),
});

export const simMessageStatusSchema = z.enum(['accepted', 'sent', 'delivered', 'read', 'failed']);

export const simMessageSchema = z.object({
  /** wamid */
  id: z.string(),
  phoneNumberId: z.string(),
  customerWaId: z.string(),
  /** `${phoneNumberId}:${customerWaId}`: one thread per business number and customer. */
  thread: z.string(),
  /** inbound: customer → business; outbound: business → customer. */
  direction: z.enum(['inbound', 'outbound']),
  type: z.string(),
  text: z.string(),
  timestamp: z.number(),
  customerName: z.string().optional(),
  /** The business message a customer's message answers (WhatsApp's "reply", `context.id`). */
  replyTo: z.string().optional(),
  /** A template sent outside the customer's service window: counts against the messaging limit. */
  businessInitiated: z.boolean().optional(),
  /** The message object as sent (image, interactive…), for the customer's phone to render. */
  payload: z.record(z.string(), z.unknown()).optional(),
  status: simMessageStatusSchema.optional(),
  errorCode: z.number().optional(),
  /** The send's `biz_opaque_callback_data`: echoed in its status webhooks. */
  callbackData: z.string().optional(),
});

/** Uploaded media (bytes are kept in memory by `SimMedia`, like Meta's short-lived media URLs). */
export const simMediaSchema = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  mimeType: z.string(),
  sha256: z.string(),
  fileSize: z.number().int(),
  filename: z.string().optional(),
  uploadedAt: z.number(),
});

/** A pending number verification (CH-3): the six-digit code, its expiry and the wrong attempts. */
export const simVerificationSchema = z.object({
  /** The phone number id. */
  id: z.string(),
  code: z.string().regex(/^\d{6}$/),
  method: z.enum(['SMS', 'VOICE']),
  sentAt: z.number(),
  expiresAt: z.number(),
  attempts: z.number().int(),
  lockedUntil: z.number().optional(),
});

/** What the simulated phone network delivered: verification codes by SMS or voice call. */
export const simOutboxSchema = z.object({
  id: z.string(),
  phoneNumberId: z.string(),
  phoneNumber: z.string(),
  method: z.enum(['SMS', 'VOICE']),
  text: z.string(),
  sentAt: z.number(),
});

/** The WhatsApp Business profile of a number (`/whatsapp_business_profile`). */
export const simBusinessProfileSchema = z.object({
  id: z.string(),
  about: z.string().optional(),
  address: z.string().optional(),
  description: z.string().optional(),
  email: z.string().optional(),
  websites: z.array(z.string()).optional(),
  vertical: z.string().optional(),
  /** The media id of the profile picture. */
  pictureMediaId: z.string().optional(),
});

/** A customer's consent for one business number (CH-6): opted in, or opted out. */
export const simConsentSchema = z.object({
  /** `${phoneNumberId}:${customerWaId}` */
  id: z.string(),
  optedIn: z.boolean().optional(),
  optedOut: z.boolean().optional(),
  at: z.number(),
});

/** A webhook waiting to be delivered (or retried): the simulator's durable delivery queue. */
export const simWebhookSchema = z.object({
  id: z.string(),
  /** Queue order. */
  seq: z.number().int(),
  /** `${business number or account} ${url}`: queues are delivered independently. */
  queue: z.string(),
  url: z.string(),
  /** The exact bytes to send (escaped like Meta's); signed at each attempt. */
  body: z.string(),
  createdAt: z.number(),
  nextAttemptAt: z.number(),
  attempts: z.number().int(),
  lastError: z.string().optional(),
});

/**
 * Where an account's or a number's webhooks go (`/{waba-id}/subscribed_apps`, `POST
 * /{phone-number-id}` with `webhook_configuration`). No row: the account is subscribed to the
 * simulator's app with no override (the simulator subscribes every account it creates).
 */
export const simSubscriptionSchema = z.object({
  /** A WABA id or a phone number id. */
  id: z.string(),
  kind: z.enum(['waba', 'number']),
  /** false: the app unsubscribed (`DELETE /{waba-id}/subscribed_apps`): the account's webhooks stop. */
  subscribed: z.boolean(),
  overrideCallbackUri: z.string().optional(),
  at: z.number(),
});

/** A number's feature settings (`/{phone-number-id}/settings`), as last set. */
export const simNumberSettingsSchema = z.object({
  id: z.string(),
  calling: z.record(z.string(), z.unknown()).optional(),
  userIdentityChange: z.object({ enabled: z.boolean() }).optional(),
  payloadEncryption: z
    .object({ status: z.enum(['enabled', 'disabled']), fingerprint: z.string().optional() })
    .optional(),
  storageConfiguration: z.object({ enabled: z.boolean(), region: z.string().optional() }).optional(),
});

export const simulatorSchemas = {
  subscriptions: simSubscriptionSchema,
  numberSettings: simNumberSettingsSchema,
  webhookQueue: simWebhookSchema,
  media: simMediaSchema,
  consents: simConsentSchema,
  verifications: simVerificationSchema,
  outbox: simOutboxSchema,
  businessProfiles: simBusinessProfileSchema,
  wabas: simWabaSchema,
  phoneNumbers: simPhoneNumberSchema,
  templates: simTemplateSchema,
  messages: simMessageSchema,
} as const;

export type SimulatorSchema = { [C in keyof typeof simulatorSchemas]: z.infer<(typeof simulatorSchemas)[C]> };
export type SimPhoneNumber = SimulatorSchema['phoneNumbers'];
export type SimTemplate = SimulatorSchema['templates'];
export type SimMessage = SimulatorSchema['messages'];

export const simulatorIndexes: IndexSpecs<SimulatorSchema> = {
  phoneNumbers: ['wabaId'],
  templates: ['wabaId'],
  messages: [
    'thread',
    // The conversations each number started (the messaging limit): found without a scan.
    { name: 'initiatedBy', value: (m) => (m.businessInitiated ? m.phoneNumberId : undefined) },
  ],
};

export const threadKey = (phoneNumberId: string, customerWaId: string) => `${phoneNumberId}:${customerWaId}`;

export const { put: putSim, remove: removeSim } = writeOps<SimulatorSchema>();
