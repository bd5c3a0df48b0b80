import { z } from 'zod';
import { recipient, sendTemplateRequestSchema, sendTextRequestSchema } from './send-schema.ts';

/**
 * Every message type the Cloud API's `POST /{phone-number-id}/messages` accepts from a business,
 * with Meta's limits (caption ≤ 1024, interactive body ≤ 1024, header/footer ≤ 60, ≤ 3 reply
 * buttons titled ≤ 20, lists of ≤ 10 rows titled ≤ 24 with descriptions ≤ 72).
 */

const envelope = {
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: recipient,
  context: z.object({ message_id: z.string().min(1) }).optional(),
  /** Echoed in the send's status webhooks. */
  biz_opaque_callback_data: z.string().max(512, 'biz_opaque_callback_data must be at most 512 characters').optional(),
};

/** A media object: an uploaded media id, or a public http(s) link (exactly one). */
const source = {
  id: z.string().min(1).optional(),
  link: z.url({ protocol: /^https?$/, error: 'link must be an http(s) URL' }).optional(),
};
const oneSource = <T extends { id?: string | undefined; link?: string | undefined }>(value: T) =>
  (value.id === undefined) !== (value.link === undefined);
const ONE_SOURCE = 'give exactly one of id or link';
const caption = z.string().max(1024, 'caption must be at most 1024 characters').optional();
const plainMedia = z.object(source).refine(oneSource, ONE_SOURCE);
const captionedMedia = z.object({ ...source, caption }).refine(oneSource, ONE_SOURCE);
const documentMedia = z
  .object({ ...source, caption, filename: z.string().max(240).optional() })
  .refine(oneSource, ONE_SOURCE);

export const sendImageRequestSchema = z.object({ ...envelope, type: z.literal('image'), image: captionedMedia });
export const sendDocumentRequestSchema = z.object({
  ...envelope,
  type: z.literal('document'),
  document: documentMedia,
});
export const sendAudioRequestSchema = z.object({ ...envelope, type: z.literal('audio'), audio: plainMedia });
export const sendVideoRequestSchema = z.object({ ...envelope, type: z.literal('video'), video: captionedMedia });
export const sendStickerRequestSchema = z.object({ ...envelope, type: z.literal('sticker'), sticker: plainMedia });

export const sendReactionRequestSchema = z.object({
  ...envelope,
  type: z.literal('reaction'),
  /** An empty emoji removes the reaction. */
  reaction: z.object({ message_id: z.string().min(1), emoji: z.string().max(16) }),
});

export const sendLocationRequestSchema = z.object({
  ...envelope,
  type: z.literal('location'),
  location: z.object({
    latitude: z.coerce.number().min(-90).max(90),
    longitude: z.coerce.number().min(-180).max(180),
    name: z.string().max(1000).optional(),
    address: z.string().max(1000).optional(),
  }),
});

const interactiveText = (max: number, what: string) =>
  z.object({
    text: z.string().min(1, `${what} must not be empty`).max(max, `${what} must be at most ${max} characters`),
  });
const interactiveHeader = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(60, 'header.text must be at most 60 characters') }),
  z.object({ type: z.literal('image'), image: plainMedia }),
  z.object({ type: z.literal('video'), video: plainMedia }),
  z.object({ type: z.literal('document'), document: documentMedia }),
]);

const buttonInteractive = z.object({
  type: z.literal('button'),
  header: interactiveHeader.optional(),
  body: interactiveText(1024, 'body.text'),
  footer: interactiveText(60, 'footer.text').optional(),
  action: z.object({
    buttons: z
      .array(
        z.object({
          type: z.literal('reply'),
          reply: z.object({
            id: z.string().min(1).max(256),
            title: z.string().min(1).max(20, 'button titles must be at most 20 characters'),
          }),
        }),
      )
      .min(1, 'at least one button')
      .max(3, 'at most 3 buttons')
      .refine(
        (buttons) => new Set(buttons.map((b) => b.reply.id)).size === buttons.length,
        'button ids must be unique',
      ),
  }),
});

const listInteractive = z.object({
  type: z.literal('list'),
  header: z
    .object({ type: z.literal('text'), text: z.string().min(1).max(60, 'header.text must be at most 60 characters') })
    .optional(),
  body: interactiveText(4096, 'body.text'),
  footer: interactiveText(60, 'footer.text').optional(),
  action: z.object({
    button: z.string().min(1).max(20, 'action.button must be at most 20 characters'),
    sections: z
      .array(
        z.object({
          title: z.string().max(24, 'section titles must be at most 24 characters').optional(),
          rows: z
            .array(
              z.object({
                id: z.string().min(1).max(200),
                title: z.string().min(1).max(24, 'row titles must be at most 24 characters'),
                description: z.string().max(72, 'row descriptions must be at most 72 characters').optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1)
      .max(10)
      .refine(
        (sections) => sections.reduce((rows, section) => rows + section.rows.length, 0) <= 10,
        'a list has at most 10 rows in all',
      ),
  }),
});

/** A call-to-action button that opens a URL. */
const ctaUrlInteractive = z.object({
  type: z.literal('cta_url'),
  header: interactiveHeader.optional(),
  body: interactiveText(1024, 'body.text'),
  footer: interactiveText(60, 'footer.text').optional(),
  action: z.object({
    name: z.literal('cta_url'),
    parameters: z.object({
      display_text: z.string().min(1).max(20, 'display_text must be at most 20 characters'),
      url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL' }),
    }),
  }),
});

/** Asks the customer to share their location. */
const locationRequestInteractive = z.object({
  type: z.literal('location_request_message'),
  body: interactiveText(1024, 'body.text'),
  action: z.object({ name: z.literal('send_location') }),
});

/** Opens a WhatsApp Flow. */
const flowInteractive = z.object({
  type: z.literal('flow'),
  header: interactiveHeader.optional(),
  body: interactiveText(1024, 'body.text'),
  footer: interactiveText(60, 'footer.text').optional(),
  action: z.object({
    name: z.literal('flow'),
    parameters: z
      .object({
        flow_message_version: z.literal('3', { error: 'flow_message_version must be "3"' }),
        flow_token: z.string().min(1).optional(),
        flow_id: z.string().min(1).optional(),
        flow_name: z.string().min(1).optional(),
        flow_cta: z.string().min(1).max(30, 'flow_cta must be at most 30 characters'),
        mode: z.enum(['draft', 'published']).optional(),
        flow_action: z.enum(['navigate', 'data_exchange']).optional(),
        flow_action_payload: z
          .object({ screen: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() })
          .optional(),
      })
      .refine(
        (p) => (p.flow_id === undefined) !== (p.flow_name === undefined),
        'give exactly one of flow_id or flow_name',
      ),
  }),
});

const catalogId = z.string().min(1, 'catalog_id is required');
const retailerId = z.string().min(1, 'product_retailer_id is required');

/** One product of the business's catalog. */
const productInteractive = z.object({
  type: z.literal('product'),
  body: interactiveText(1024, 'body.text').optional(),
  footer: interactiveText(60, 'footer.text').optional(),
  action: z.object({ catalog_id: catalogId, product_retailer_id: retailerId }),
});

/** Up to 30 products in up to 10 sections. */
const productListInteractive = z.object({
  type: z.literal('product_list'),
  header: z.object({
    type: z.literal('text'),
    text: z.string().min(1).max(60, 'header.text must be at most 60 characters'),
  }),
  body: interactiveText(1024, 'body.text'),
  footer: interactiveText(60, 'footer.text').optional(),
  action: z.object({
    catalog_id: catalogId,
    sections: z
      .array(
        z.object({
          title: z.string().min(1).max(24, 'section titles must be at most 24 characters'),
          product_items: z.array(z.object({ product_retailer_id: retailerId })).min(1),
        }),
      )
      .min(1)
      .max(10, 'at most 10 sections')
      .refine(
        (sections) => sections.reduce((n, section) => n + section.product_items.length, 0) <= 30,
        'a product list has at most 30 products in all',
      ),
  }),
});

/** The business's whole catalog. */
const catalogInteractive = z.object({
  type: z.literal('catalog_message'),
  body: interactiveText(1024, 'body.text'),
  footer: interactiveText(60, 'footer.text').optional(),
  action: z.object({
    name: z.literal('catalog_message'),
    parameters: z.object({ thumbnail_product_retailer_id: z.string().min(1) }).optional(),
  }),
});

export const sendInteractiveRequestSchema = z.object({
  ...envelope,
  type: z.literal('interactive'),
  interactive: z.discriminatedUnion('type', [
    buttonInteractive,
    listInteractive,
    ctaUrlInteractive,
    locationRequestInteractive,
    flowInteractive,
    productInteractive,
    productListInteractive,
    catalogInteractive,
  ]),
});

const typed = <T extends string>(values: readonly [T, ...T[]]) => z.object({ type: z.enum(values).optional() });

/** Contact cards (`contacts`): each needs its formatted name, as Meta requires. */
export const sendContactsRequestSchema = z.object({
  ...envelope,
  type: z.literal('contacts'),
  contacts: z
    .array(
      z.object({
        name: z.object({
          formatted_name: z.string().min(1, 'name.formatted_name is required'),
          first_name: z.string().optional(),
          last_name: z.string().optional(),
          middle_name: z.string().optional(),
          suffix: z.string().optional(),
          prefix: z.string().optional(),
        }),
        birthday: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'birthday must be YYYY-MM-DD')
          .optional(),
        addresses: z
          .array(
            typed(['HOME', 'WORK']).extend({
              street: z.string().optional(),
              city: z.string().optional(),
              state: z.string().optional(),
              zip: z.string().optional(),
              country: z.string().optional(),
              country_code: z.string().optional(),
            }),
          )
          .optional(),
        emails: z.array(typed(['HOME', 'WORK']).extend({ email: z.string().min(1) })).optional(),
        org: z
          .object({ company: z.string().optional(), department: z.string().optional(), title: z.string().optional() })
          .optional(),
        phones: z
          .array(
            typed(['CELL', 'MAIN', 'IPHONE', 'HOME', 'WORK']).extend({
              phone: z.string().min(1),
              wa_id: z.string().optional(),
            }),
          )
          .optional(),
        urls: z.array(typed(['HOME', 'WORK']).extend({ url: z.string().min(1) })).optional(),
      }),
    )
    .min(1, 'at least one contact')
    .max(257, 'at most 257 contacts'),
});

/** Any business message. A request without `type` is text, as Meta assumes. */
export const sendMessageRequestSchema = z.preprocess(
  (body) =>
    typeof body === 'object' && body !== null && !Array.isArray(body) && !('type' in body)
      ? { ...body, type: 'text' }
      : body,
  z.discriminatedUnion('type', [
    sendTextRequestSchema,
    sendTemplateRequestSchema,
    sendImageRequestSchema,
    sendDocumentRequestSchema,
    sendAudioRequestSchema,
    sendVideoRequestSchema,
    sendStickerRequestSchema,
    sendReactionRequestSchema,
    sendLocationRequestSchema,
    sendInteractiveRequestSchema,
    sendContactsRequestSchema,
  ]),
);
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;
type SendInteractiveRequest = z.infer<typeof sendInteractiveRequestSchema>;
export type MediaObject = {
  id?: string | undefined;
  link?: string | undefined;
  caption?: string | undefined;
  filename?: string | undefined;
};

/** The media a message carries, if any (to check that uploaded ids exist). */
export function mediaOf(request: SendMessageRequest): MediaObject | undefined {
  switch (request.type) {
    case 'image':
      return request.image;
    case 'document':
      return request.document;
    case 'audio':
      return request.audio;
    case 'video':
      return request.video;
    case 'sticker':
      return request.sticker;
    case 'interactive': {
      const header = 'header' in request.interactive ? request.interactive.header : undefined;
      if (!header || header.type === 'text') return undefined;
      return header.type === 'image' ? header.image : header.type === 'video' ? header.video : header.document;
    }
    default:
      return undefined;
  }
}

/** How a business message reads as plain text (transcripts, the customer's phone). */
export function messageText(request: Exclude<SendMessageRequest, { type: 'template' }>): string {
  switch (request.type) {
    case 'text':
      return request.text.body;
    case 'image':
    case 'video':
      return (request.type === 'image' ? request.image : request.video).caption ?? '';
    case 'document':
      return request.document.caption ?? request.document.filename ?? '';
    case 'audio':
    case 'sticker':
      return '';
    case 'reaction':
      return request.reaction.emoji;
    case 'location':
      return [request.location.name, request.location.address].filter(Boolean).join(', ');
    case 'contacts':
      return `👤 ${request.contacts.map((contact) => contact.name.formatted_name).join(', ')}`;
    case 'interactive': {
      const { interactive } = request;
      const header =
        'header' in interactive && interactive.header?.type === 'text' ? `${interactive.header.text}\n` : '';
      const footer = 'footer' in interactive && interactive.footer ? `\n${interactive.footer.text}` : '';
      const body = interactive.body?.text ?? '';
      return `${header}${body}${footer}${interactiveAction(interactive)}`;
    }
  }
}

/** What an interactive message offers beyond its text, as a line the customer's phone shows. */
function interactiveAction(interactive: SendInteractiveRequest['interactive']): string {
  switch (interactive.type) {
    case 'cta_url':
      return `\n🔗 ${interactive.action.parameters.display_text} (${interactive.action.parameters.url})`;
    case 'location_request_message':
      return '\n📍 Send location';
    case 'flow':
      return `\n📋 ${interactive.action.parameters.flow_cta}`;
    case 'product':
      return `\n🛍 ${interactive.action.product_retailer_id}`;
    case 'product_list':
      return `\n🛍 ${interactive.action.sections.reduce((n, s) => n + s.product_items.length, 0)} products`;
    case 'catalog_message':
      return '\n🛍 View catalog';
    default:
      return '';
  }
}
