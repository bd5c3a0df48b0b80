import { z } from 'zod';
import { writeOps } from '../store/store.ts';

/** What the simulated Meta side stores: accounts, numbers, templates and the customers' phones. */

export const simWabaSchema = z.object({ id: z.string(), name: z.string() });

export const simPhoneNumberSchema = z.object({
  id: z.string(),
  wabaId: z.string(),
  /** E.164 with the plus sign. */
  phoneNumber: z.string(),
  verifiedName: z.string(),
  status: z.enum(['PENDING', 'CONNECTED', 'FLAGGED', 'RESTRICTED']),
  qualityRating: z.enum(['GREEN', 'YELLOW', 'RED', 'UNKNOWN']),
  messagingLimitTier: z.enum(['TIER_250', 'TIER_1K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED']),
  codeVerificationStatus: z.enum(['NOT_VERIFIED', 'VERIFIED', 'EXPIRED']),
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
  /** The message object as sent (image, interactive…), for the customer's phone to render. */
  payload: z.record(z.string(), z.unknown()).optional(),
  status: simMessageStatusSchema.optional(),
  errorCode: z.number().optional(),
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

export const simulatorSchemas = {
  media: simMediaSchema,
  wabas: simWabaSchema,
  phoneNumbers: simPhoneNumberSchema,
  templates: simTemplateSchema,
  messages: simMessageSchema,
} as const;

export type SimulatorSchema = { [C in keyof typeof simulatorSchemas]: z.infer<(typeof simulatorSchemas)[C]> };
export type SimPhoneNumber = SimulatorSchema['phoneNumbers'];
export type SimTemplate = SimulatorSchema['templates'];
export type SimMessage = SimulatorSchema['messages'];

export const simulatorIndexes = {
  phoneNumbers: ['wabaId'],
  templates: ['wabaId'],
  messages: ['thread'],
} as const;

export const threadKey = (phoneNumberId: string, customerWaId: string) => `${phoneNumberId}:${customerWaId}`;

export const { put: putSim } = writeOps<SimulatorSchema>();
