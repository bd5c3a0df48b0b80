import { z } from 'zod';

/**
 * Cloud API webhook payloads (`object: whatsapp_business_account`), as Meta sends them.
 * Objects are loose: Meta adds fields over time and a receiver must not reject them.
 */

const unixSeconds = z.string().regex(/^\d+$/, 'must be a string of Unix seconds');

export const webhookContactSchema = z.looseObject({
  profile: z.looseObject({ name: z.string() }).optional(),
  wa_id: z.string(),
});

const mediaSchema = z.looseObject({
  id: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

const titled = z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() });

export const inboundMessageSchema = z.looseObject({
  from: z.string(),
  id: z.string().min(1),
  timestamp: unixSeconds,
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  image: mediaSchema.optional(),
  video: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  document: mediaSchema.extend({ filename: z.string().optional() }).optional(),
  /** A reply to an interactive message: the button or list row the customer chose. */
  interactive: z
    .looseObject({ type: z.string(), button_reply: titled.optional(), list_reply: titled.optional() })
    .optional(),
  /** A template's quick-reply button. */
  button: z.looseObject({ text: z.string(), payload: z.string().optional() }).optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  reaction: z.looseObject({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  contacts: z
    .array(z.looseObject({ name: z.looseObject({ formatted_name: z.string().optional() }).optional() }))
    .optional(),
  order: z
    .looseObject({ text: z.string().optional(), product_items: z.array(z.looseObject({})).optional() })
    .optional(),
  system: z.looseObject({ body: z.string().optional() }).optional(),
  errors: z.array(z.looseObject({ code: z.number(), title: z.string().optional() })).optional(),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const messageStatusValues = ['sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatusValue = (typeof messageStatusValues)[number];

export const statusErrorSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

export const statusUpdateSchema = z.looseObject({
  id: z.string(),
  status: z.enum(messageStatusValues),
  timestamp: unixSeconds,
  recipient_id: z.string(),
  errors: z.array(statusErrorSchema).optional(),
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

export const messagesValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({
    display_phone_number: z.string(),
    phone_number_id: z.string(),
  }),
  contacts: z.array(webhookContactSchema).optional(),
  messages: z.array(inboundMessageSchema).optional(),
  statuses: z.array(statusUpdateSchema).optional(),
});
export type MessagesValue = z.infer<typeof messagesValueSchema>;

export const webhookChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: z.string(),
      changes: z.array(webhookChangeSchema),
    }),
  ),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
