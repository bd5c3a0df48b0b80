import { z } from 'zod';

/**
 * Cloud API webhook payloads (`object: whatsapp_business_account`), as Meta sends them.
 * Objects are loose: Meta adds fields over time and a receiver must not reject them.
 */

/** Unix seconds: Meta sends a string of digits; some senders send the number itself. */
const unixSeconds = z.union([
  z.string().regex(/^\d+$/, 'must be Unix seconds'),
  z.number().int('must be Unix seconds').nonnegative('must be Unix seconds'),
]);

/**
 * A contact: `wa_id` is the customer's number; with business-scoped user ids (`user_id`) Meta may
 * leave it out, and such a contact simply names nobody the platform can match.
 */
export const webhookContactSchema = z.looseObject({
  profile: z.looseObject({ name: z.string() }).optional(),
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
});

const mediaSchema = z.looseObject({
  id: z.string(),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
});

const titled = z.looseObject({ id: z.string(), title: z.string(), description: z.string().optional() });

/**
 * What every message needs to be stored: its id, type and time. `from` (the customer's number) can
 * be missing when Meta identifies the customer by a business-scoped user id only.
 */
export const inboundMessageCoreSchema = z.looseObject({
  from: z.string().min(1).optional(),
  id: z.string().min(1),
  timestamp: unixSeconds.optional(),
  type: z.string().min(1),
});

export const inboundMessageSchema = inboundMessageCoreSchema.extend({
  text: z.looseObject({ body: z.string() }).optional(),
  image: mediaSchema.optional(),
  video: mediaSchema.optional(),
  audio: mediaSchema.optional(),
  sticker: mediaSchema.optional(),
  document: mediaSchema.extend({ filename: z.string().optional() }).optional(),
  /** A reply to an interactive message: the button or list row the customer chose. */
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: titled.optional(),
      list_reply: titled.optional(),
      /** A Flow's answer: its fields as a JSON string. */
      nfm_reply: z
        .looseObject({ name: z.string().optional(), body: z.string().optional(), response_json: z.string().optional() })
        .optional(),
    })
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
  /** `user_changed_number`: `wa_id` is the customer's new number. */
  system: z
    .looseObject({ body: z.string().optional(), type: z.string().optional(), wa_id: z.string().optional() })
    .optional(),
  errors: z.array(z.looseObject({ code: z.number(), title: z.string().optional() })).optional(),
  context: z.looseObject({ from: z.string().optional(), id: z.string().optional() }).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;

export const messageStatusValues = ['sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatusValue = (typeof messageStatusValues)[number];

/**
 * The delivery status a webhook status moves a message to: `played` (a voice message listened to)
 * implies read. Others Meta sends (`deleted`, `warning`, `pending`, …) change no delivery status.
 */
export function deliveryStatusOf(status: string): MessageStatusValue | undefined {
  if (status === 'played') return 'read';
  return (messageStatusValues as readonly string[]).includes(status) ? (status as MessageStatusValue) : undefined;
}

export const statusErrorSchema = z.looseObject({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

export const statusUpdateSchema = z.looseObject({
  id: z.string().min(1),
  /** Any value: those `deliveryStatusOf` does not know are acknowledged and logged. */
  status: z.string(),
  timestamp: unixSeconds.optional(),
  recipient_id: z.string().optional(),
  errors: z.array(statusErrorSchema).optional(),
});
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;

/** The strict shape of a `messages` value (Meta's examples match it). */
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

/**
 * What the receiver needs of a `messages` value to take it at all: the number it is for. Its
 * contacts, messages and statuses are then read one by one, so one it cannot read costs only itself.
 */
export const messagesValueShellSchema = z.looseObject({
  metadata: z.looseObject({ phone_number_id: z.string().min(1) }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
});

export const webhookChangeSchema = z.looseObject({
  field: z.string(),
  value: z.unknown(),
});

export const webhookEntrySchema = z.looseObject({
  id: z.string().optional(),
  changes: z.array(z.unknown()),
});

/**
 * A WhatsApp webhook at all: the receiver refuses (400) only what is not this envelope. Entries
 * and changes are read one by one (`webhookEntrySchema`, `webhookChangeSchema`).
 */
export const webhookEnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
