import { z } from 'zod';
import { TEXT_BODY_MAX } from './text-limits.ts';

/** Limits from Meta's Cloud API documentation. */
export { fillTemplate, TEXT_BODY_MAX } from './text-limits.ts';

/**
 * `to` in any form Meta accepts: `+34 600 000 888`, `34-600-000-888`, `(34) 600 000 888`…
 * What counts is its 6 to 15 digits (`recipientWaId`).
 */
export const recipient = z
  .string()
  .min(1, 'to is required')
  .regex(/^\+?[0-9\s\-().]+$/, 'to must be a phone number or WhatsApp id of 6 to 15 digits')
  .refine(
    (to) => /^[0-9]{6,15}$/.test(recipientWaId(to)),
    'to must be a phone number or WhatsApp id of 6 to 15 digits',
  );

/** The WhatsApp id (digits only) a `to` names. */
export function recipientWaId(to: string): string {
  return to.replace(/[^0-9]/g, '');
}

export const sendTextRequestSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  /** Echoed in the send's status webhooks. */
  biz_opaque_callback_data: z.string().max(512, 'biz_opaque_callback_data must be at most 512 characters').optional(),
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
  /** Also show "typing…" to the customer (up to 25 s, or until the business's next message). */
  typing_indicator: z.object({ type: z.literal('text') }).optional(),
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
    error_user_title: z.string().optional(),
    error_user_msg: z.string().optional(),
    error_data: z.object({ messaging_product: z.literal('whatsapp'), details: z.string() }).optional(),
    fbtrace_id: z.string(),
  }),
});
export type GraphError = z.infer<typeof graphErrorSchema>;

/** A template parameter: text, or currency / date-time with the fallback value WhatsApp shows. */
const templateParameterSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1, 'a text parameter must not be empty').max(1024) }),
  z.object({
    type: z.literal('currency'),
    currency: z.object({ fallback_value: z.string().min(1), code: z.string(), amount_1000: z.number() }),
  }),
  z.object({ type: z.literal('date_time'), date_time: z.looseObject({ fallback_value: z.string().min(1) }) }),
  // Header media.
  ...(['image', 'video', 'document'] as const).map((kind) =>
    z.object({
      type: z.literal(kind),
      [kind]: z.looseObject({ id: z.string().min(1).optional(), link: z.string().min(1).optional() }),
    }),
  ),
  z.object({ type: z.literal('payload'), payload: z.string().min(1).max(1000) }),
  // Button parameters: a coupon code to copy; a Flow's token and data, or a catalog's thumbnail.
  z.object({ type: z.literal('coupon_code'), coupon_code: z.string().min(1).max(15) }),
  z.object({
    type: z.literal('action'),
    action: z.looseObject({
      flow_token: z.string().min(1).optional(),
      flow_action_data: z.record(z.string(), z.unknown()).optional(),
      thumbnail_product_retailer_id: z.string().min(1).optional(),
    }),
  }),
]);
export type TemplateParameter = z.infer<typeof templateParameterSchema>;

export const sendTemplateRequestSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  /** Echoed in the send's status webhooks. */
  biz_opaque_callback_data: z.string().max(512, 'biz_opaque_callback_data must be at most 512 characters').optional(),
  recipient_type: z.literal('individual').optional(),
  to: recipient,
  type: z.literal('template'),
  template: z.object({
    name: z.string().min(1, 'template.name is required').max(512),
    language: z.object({ code: z.string().min(2, 'template.language.code is required').max(40) }),
    components: z
      .array(
        z.object({
          type: z.enum(['header', 'body', 'button']),
          sub_type: z.string().optional(),
          index: z.union([z.string(), z.number()]).optional(),
          parameters: z.array(templateParameterSchema).max(20).optional(),
        }),
      )
      .max(10)
      .optional(),
  }),
});
export type SendTemplateRequest = z.infer<typeof sendTemplateRequestSchema>;

/** The text a parameter shows in the message. */
export function parameterText(parameter: TemplateParameter): string {
  if (parameter.type === 'text') return parameter.text;
  if (parameter.type === 'currency') return parameter.currency.fallback_value;
  if (parameter.type === 'date_time') return parameter.date_time.fallback_value;
  return '';
}

/** `{{1}}`-style placeholders in a template text, highest index (0 when none). */
export function placeholderCount(text: string): number {
  return [...text.matchAll(/\{\{(\d+)\}\}/g)].reduce((max, match) => Math.max(max, Number(match[1])), 0);
}
