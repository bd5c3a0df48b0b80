import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { parsePhone } from '../../../shared/phone.ts';
import { MEDIA_ACCEPT, MEDIA_LIMITS } from '../../../shared/whatsapp/media-limits.ts';
import { TEXT_BODY_MAX } from '../../../shared/whatsapp/send-schema.ts';
import { ApiError, invalidField } from '../http/errors.ts';
import { errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { WebAssets } from '../http/web-assets.ts';
import { servePage } from '../http/web-page.ts';
import { simMessageSchema, threadKey } from './records.ts';
import { isRegistered } from './registration.ts';
import { ALL_THREADS, type Simulator } from './simulator.ts';

/** The file types the customer's page offers: any of Meta's, and its audio types for a voice note. */
export const CUSTOMER_PAGE_ACCEPT = {
  media: MEDIA_ACCEPT,
  voice: Object.keys(MEDIA_LIMITS)
    .filter((type) => type.startsWith('audio/'))
    .join(','),
};

/** Base64 of Meta's largest file (a 100 MB document). */
const CUSTOMER_MEDIA_BASE64_MAX =
  Math.ceil((Math.max(...Object.values(MEDIA_LIMITS).map((l) => l.maxBytes)) * 4) / 3) + 4;
/** A customer's message with a file: larger than any other simulator body, so it has its own body limit. */
export const MAX_CUSTOMER_MESSAGE_BODY_BYTES = CUSTOMER_MEDIA_BASE64_MAX + 64 * 1024;

const customerSendSchema = z
  .object({
    phoneNumberId: z.string().min(1, 'phoneNumberId is required'),
    from: z.string().min(1, 'from (the customer’s phone number) is required'),
    name: z.string().trim().max(256, 'name must be at most 256 characters').optional(),
    /** Reply to a business message (its wamid), as WhatsApp's swipe-to-reply does. */
    replyTo: z.string().max(200).optional(),
    text: z
      .string()
      .refine((text) => text.trim().length > 0, 'text must not be empty')
      .refine((text) => text.length <= TEXT_BODY_MAX, `text must be at most ${TEXT_BODY_MAX} characters`)
      .optional(),
    /** A photo from the customer's gallery: JPEG or PNG, base64, with an optional caption. */
    image: z
      .object({
        data: z.base64('image.data must be base64').max(7_000_000, 'images are limited to 5 MB'),
        mimeType: z.enum(['image/jpeg', 'image/png']),
        caption: z.string().max(1024).optional(),
      })
      .optional(),
    /** Any file from the phone (Meta's types and sizes): photo, sticker, voice note or audio, video, document. */
    media: z
      .object({
        data: z.base64('media.data must be base64').max(CUSTOMER_MEDIA_BASE64_MAX, 'files are limited to 100 MB'),
        mimeType: z.enum(Object.keys(MEDIA_LIMITS) as [string, ...string[]]),
        filename: z.string().trim().min(1).max(240).optional(),
        caption: z.string().max(1024).optional(),
        voice: z.boolean().optional(),
      })
      .optional(),
    /** A place the customer shares. */
    location: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        name: z.string().max(256).optional(),
        address: z.string().max(512).optional(),
      })
      .optional(),
    /** Contact cards the customer shares. */
    contacts: z
      .array(z.object({ name: z.string().min(1).max(256), phones: z.array(z.string().min(1).max(40)).max(5) }))
      .min(1)
      .max(10)
      .optional(),
    /** A reaction to a message of the chat (its wamid); an empty emoji takes it back. */
    reaction: z.object({ messageId: z.string().min(1).max(200), emoji: z.string().max(16) }).optional(),
    /** The button or list row the customer taps in an interactive business message. */
    choice: z.object({ messageId: z.string().min(1), optionId: z.string().min(1) }).optional(),
  })
  .refine(
    (body) =>
      [body.text, body.image, body.media, body.location, body.contacts, body.reaction, body.choice].filter(
        (part) => part !== undefined,
      ).length === 1,
    {
      message: 'send exactly one of text, image, media, location, contacts, reaction or choice',
      path: ['text'],
    },
  );

const numberSchema = z.object({
  id: z.string(),
  wabaId: z.string(),
  phoneNumber: z.string(),
  verifiedName: z.string(),
  /** false: deregistered (or never registered): messages to it are not delivered. */
  onWhatsApp: z.boolean(),
});
const threadParams = z.object({ phoneNumberId: z.string().min(1), customer: z.string().min(1) });

function customerWaId(input: string, field: string): string {
  const phone = parsePhone(input);
  if (!phone.ok) throw invalidField(field, phone.reason);
  return phone.waId;
}

/**
 * The customer simulator: a page and an HTTP API through which a person or a test plays the
 * customer's phone. It talks to the platform only through the simulated Cloud API's webhooks.
 */
export function customerRoutes(simulator: Simulator, web: WebAssets) {
  const app = router();
  const tags = ['Customer simulator'];

  // The page (`web/customer/`) is told which files the simulator takes: Meta's types.
  app.get('/', (c) =>
    servePage(c, web, { entry: 'customer', title: 'Loro · Customer simulator', data: CUSTOMER_PAGE_ACCEPT }),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/numbers',
      tags,
      summary: 'Business numbers a customer can write to',
      responses: { 200: jsonContent(z.array(numberSchema), 'Numbers') },
    }),
    (c) =>
      c.json(
        simulator.store.all('phoneNumbers').map((p) => ({
          id: p.id,
          wabaId: p.wabaId,
          phoneNumber: p.phoneNumber,
          verifiedName: p.verifiedName,
          onWhatsApp: isRegistered(p),
        })),
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/messages',
      tags,
      summary:
        'The customer sends a text, a photo or any file, a place, contact cards, a reaction or a button/list choice to a business number (delivered to the platform as a signed webhook)',
      request: { body: jsonBody(customerSendSchema) },
      responses: {
        201: jsonContent(simMessageSchema, 'Sent'),
        400: errorResponses[400],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const input = c.req.valid('json');
      const waId = customerWaId(input.from, 'from');
      if (!simulator.store.get('phoneNumbers', input.phoneNumberId)) {
        throw new ApiError(
          404,
          'not_found',
          `phoneNumberId ${input.phoneNumberId} is not a business number of the simulator`,
        );
      }
      const message = await simulator.customerSends({
        phoneNumberId: input.phoneNumberId,
        customerWaId: waId,
        customerName: input.name || `+${waId}`,
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.image ? { image: { ...input.image, bytes: Buffer.from(input.image.data, 'base64') } } : {}),
        ...(input.media ? { media: { ...input.media, bytes: Buffer.from(input.media.data, 'base64') } } : {}),
        ...(input.location ? { shared: { location: input.location } } : {}),
        ...(input.contacts ? { shared: { contacts: input.contacts } } : {}),
        ...(input.reaction ? { shared: { reaction: input.reaction } } : {}),
        ...(input.choice ? { choice: input.choice } : {}),
        replyTo: input.replyTo,
      });
      return c.json(message, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/media/{id}',
      tags,
      summary: 'A file in a chat (a business’s photo, document…), as the customer’s phone downloads it',
      request: { params: z.object({ id: z.string().min(1).max(64) }) },
      responses: { 200: { description: 'The file' }, 404: errorResponses[404] },
    }),
    (c) => {
      const { id } = c.req.valid('param');
      const media = simulator.media.get(id);
      const bytes = simulator.media.bytes(id);
      if (!media || !bytes) throw new ApiError(404, 'not_found', `Media ${id} is not on this phone (media expire)`);
      return c.body(new Uint8Array(bytes).buffer, 200, {
        'content-type': media.mimeType,
        'content-disposition': `inline; filename="${(media.filename ?? id).replace(/[^\w.-]/g, '_')}"`,
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/threads/{phoneNumberId}/{customer}/messages',
      tags,
      summary: 'What the customer’s phone shows for one business number, oldest first',
      request: { params: threadParams },
      responses: { 200: jsonContent(z.array(simMessageSchema), 'Messages'), 400: errorResponses[400] },
    }),
    (c) => {
      const { phoneNumberId, customer } = c.req.valid('param');
      return c.json(simulator.thread(phoneNumberId, customerWaId(customer, 'customer')), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/threads/{phoneNumberId}/{customer}/typing',
      tags,
      summary: 'Whether the business shows “typing…” in this chat now, and until when',
      request: { params: threadParams },
      responses: {
        200: jsonContent(z.object({ typing: z.boolean(), until: z.number().optional() }), 'Typing state'),
        400: errorResponses[400],
      },
    }),
    (c) => {
      const { phoneNumberId, customer } = c.req.valid('param');
      const until = simulator.typingUntil(threadKey(phoneNumberId, customerWaId(customer, 'customer')));
      return c.json(until === undefined ? { typing: false } : { typing: true, until }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/threads/{phoneNumberId}/{customer}/read',
      tags,
      summary: 'The customer opens the chat: business messages become read (read status webhooks)',
      request: { params: threadParams },
      responses: { 200: jsonContent(z.object({ read: z.number() }), 'How many turned read'), 400: errorResponses[400] },
    }),
    async (c) => {
      const { phoneNumberId, customer } = c.req.valid('param');
      if (!simulator.store.get('phoneNumbers', phoneNumberId))
        throw new ApiError(404, 'not_found', `phoneNumberId ${phoneNumberId} is unknown`);
      return c.json({ read: await simulator.customerReads(phoneNumberId, customerWaId(customer, 'customer')) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/consent',
      tags,
      summary: 'The customer opts in to, or out of, messages from a business number (CH-6)',
      request: {
        body: jsonBody(
          z.object({
            phoneNumberId: z.string().min(1, 'phoneNumberId is required'),
            from: z.string().min(1, 'from (the customer’s phone number) is required'),
            optIn: z.boolean(),
          }),
        ),
      },
      responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Recorded'), 400: errorResponses[400] },
    }),
    async (c) => {
      const { phoneNumberId, from, optIn } = c.req.valid('json');
      if (!simulator.store.get('phoneNumbers', phoneNumberId)) {
        throw new ApiError(400, 'validation_failed', `phoneNumberId: ${phoneNumberId} is not a business number`, [
          { path: 'phoneNumberId', message: 'is not a business number' },
        ]);
      }
      await simulator.setConsent(phoneNumberId, customerWaId(from, 'from'), optIn);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      const closed = new AbortController();
      stream.onAbort(() => closed.abort());
      simulator.events.subscribe(
        ALL_THREADS,
        (event, data) => {
          void stream.writeSSE({ event, data: JSON.stringify(data) });
        },
        closed.signal,
      );
      await stream.writeSSE({ event: 'ready', data: '{}' });
      await new Promise<void>((resolve) => closed.signal.addEventListener('abort', () => resolve()));
    }),
  );

  return app;
}
