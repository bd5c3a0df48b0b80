import { z } from 'zod';

/** Limits from Meta's Cloud API documentation. */
export const TEXT_BODY_MAX = 4096;

const recipient = z
  .string()
  .min(1, 'to is required')
  .regex(/^\+?[0-9]{6,15}$/, 'to must be a phone number or WhatsApp id of 6 to 15 digits');

export const sendTextRequestSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: recipient,
  type: z.literal('text'),
  text: z.object({
    body: z
      .string()
      .min(1, 'text.body must not be empty')
      .max(TEXT_BODY_MAX, `text.body must be at most ${TEXT_BODY_MAX} characters`),
    preview_url: z.boolean().optional(),
  }),
  context: z.object({ message_id: z.string() }).optional(),
});
export type SendTextRequest = z.infer<typeof sendTextRequestSchema>;

export const markReadRequestSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  status: z.literal('read'),
  message_id: z.string().min(1),
});

export const sendMessageResponseSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  contacts: z.array(z.object({ input: z.string(), wa_id: z.string() })),
  messages: z.array(z.object({ id: z.string() })),
});
export type SendMessageResponse = z.infer<typeof sendMessageResponseSchema>;

/** Meta's error envelope, used on every Graph-compatible path. */
export const graphErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string(),
    code: z.number(),
    error_subcode: z.number().optional(),
    error_data: z.object({ messaging_product: z.literal('whatsapp'), details: z.string() }).optional(),
    fbtrace_id: z.string(),
  }),
});
export type GraphError = z.infer<typeof graphErrorSchema>;
