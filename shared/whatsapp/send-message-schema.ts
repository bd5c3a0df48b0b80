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

export const sendInteractiveRequestSchema = z.object({
  ...envelope,
  type: z.literal('interactive'),
  interactive: z.discriminatedUnion('type', [buttonInteractive, listInteractive]),
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
  ]),
);
export type SendMessageRequest = z.infer<typeof sendMessageRequestSchema>;
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
      const header = request.interactive.header;
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
    case 'interactive': {
      const { interactive } = request;
      const header = interactive.header?.type === 'text' ? `${interactive.header.text}\n` : '';
      const footer = interactive.footer ? `\n${interactive.footer.text}` : '';
      return `${header}${interactive.body.text}${footer}`;
    }
  }
}
