import type { OpenAPIHono } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { sendMessageRequestSchema } from '../../../shared/whatsapp/send-message-schema.ts';
import {
  graphErrorSchema,
  markReadRequestSchema,
  recipientWaId,
  sendMessageResponseSchema,
} from '../../../shared/whatsapp/send-schema.ts';
import { createTemplateRequestSchema, editTemplateRequestSchema } from '../../../shared/whatsapp/template-schema.ts';
import { sameSecret } from '../http/same-secret.ts';
import { graphPage } from './graph-fields.ts';
import { readJson, toMetaError } from './graph-helpers.ts';
import { mediaRoutes } from './graph-media.ts';
import { numberAdminRoutes } from './graph-number-admin.ts';
import { numberRoutes } from './graph-numbers.ts';
import { templateRoutes } from './graph-templates.ts';
import { MAX_MEDIA_BYTES } from './media.ts';
import { MetaError } from './meta-error.ts';
import type { Simulator } from './simulator.ts';

// Meta accepts the version segment or not (some client libraries drop it).
const PREFIXES = ['/:version{v[0-9]+\\.[0-9]+}', ''];
export const MAX_GRAPH_BODY_BYTES = 1024 * 1024;

/** The Graph-compatible Cloud API under /graph, answering in Meta's shapes and error codes. */
export function graphRoutes(simulator: Simulator, { token, mount = '/graph' }: { token: string; mount?: string }) {
  const app = new Hono();
  app.onError((error, c) => {
    const meta = error instanceof MetaError ? error : new MetaError(500, 131000, undefined);
    if (!(error instanceof MetaError)) console.error('[simulator] Graph request failed:', error);
    if (meta.retryAfterSeconds !== undefined) c.header('retry-after', String(meta.retryAfterSeconds));
    return c.json(meta.toJSON(), meta.status);
  });

  app.use(
    '*',
    // Media uploads may be larger than any JSON body.
    createMiddleware(async (c, next) => {
      const media = c.req.method === 'POST' && c.req.path.endsWith('/media');
      const maxSize = media ? MAX_MEDIA_BYTES + 64 * 1024 : MAX_GRAPH_BODY_BYTES;
      return bodyLimit({
        maxSize,
        onError: () => {
          throw new MetaError(413, 100, `Request bodies are limited to ${maxSize} bytes`);
        },
      })(c, next);
    }),
    createMiddleware(async (c, next) => {
      // Like Graph: `Authorization: Bearer|OAuth <token>`, or the `access_token` query parameter.
      const header = /^(?:Bearer|OAuth)\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      const given = header ?? c.req.query('access_token');
      if (!given) {
        throw new MetaError(401, 104, undefined, 'OAuthException', {
          message: 'An access token is required to request this resource.',
        });
      }
      if (!sameSecret(given, token)) throw new MetaError(401, 190, 'The access token could not be decrypted');
      await next();
    }),
  );

  mediaRoutes(app, simulator, PREFIXES);
  // Before the templates: `POST /{id}` is a number's update when the id is a number.
  numberAdminRoutes(app, simulator, PREFIXES);
  templateRoutes(app, simulator, PREFIXES);
  numberRoutes(app, simulator, PREFIXES);
  for (const prefix of PREFIXES) {
    app.post(`${prefix}/:phoneNumberId/messages`, async (c) => {
      const phoneNumberId = c.req.param('phoneNumberId');
      simulator.phoneNumber(phoneNumberId);
      const body = await readJson(c.req.raw);
      if (typeof body === 'object' && body !== null && 'status' in body) {
        const read = markReadRequestSchema.safeParse(body);
        if (!read.success) throw toMetaError(read.error);
        simulator.markReadByBusiness(phoneNumberId, read.data.message_id, read.data.typing_indicator !== undefined);
        return c.json({ success: true }, 200);
      }
      const parsed = sendMessageRequestSchema.safeParse(body);
      if (!parsed.success) throw toMetaError(parsed.error);
      const message = await simulator.businessSends(phoneNumberId, parsed.data);
      return c.json(
        {
          messaging_product: 'whatsapp' as const,
          contacts: [{ input: parsed.data.to, wa_id: recipientWaId(parsed.data.to) }],
          messages: [{ id: message.id }],
        },
        200,
      );
    });

    app.get(`${prefix}/:wabaId/phone_numbers`, async (c) => {
      await simulator.approveDue();
      const wabaId = c.req.param('wabaId');
      if (!simulator.store.get('wabas', wabaId)) {
        throw MetaError.unsupported('get', wabaId);
      }
      const data = simulator.store
        .where('phoneNumbers', 'wabaId', wabaId)
        .map((number) => simulator.phoneNumberView(number));
      return c.json(graphPage(data, c.req.query(), c.req.url), 200);
    });
  }
  // Everything else, in Meta's words (a trailing slash is tolerated like Graph does). Mounted
  // routes never reach a sub-app's `notFound`, hence a last route.
  app.all('*', async (c) => {
    const path = c.req.path;
    if (path.length > mount.length + 1 && path.endsWith('/')) {
      const url = new URL(c.req.url);
      url.pathname = path.replace(/\/+$/, '').slice(mount.length);
      return app.fetch(new Request(url.toString(), c.req.raw));
    }
    const segments = path.slice(mount.length).split('/').filter(Boolean);
    const id = /^v\d+\.\d+$/.test(segments[0] ?? '') ? segments[1] : segments[0];
    throw MetaError.unsupported(c.req.method, id ?? '');
  });
  return app;
}

/** Documents the Graph paths in the platform's OpenAPI description. */
export function registerGraphDocs(registry: OpenAPIHono['openAPIRegistry']): void {
  const error = { description: 'Meta’s error envelope', content: { 'application/json': { schema: graphErrorSchema } } };
  registry.registerPath({
    method: 'post',
    path: '/graph/{version}/{phoneNumberId}/messages',
    tags: ['Cloud API simulator'],
    summary:
      'Send a message of any type Meta documents (every request example of Meta’s OpenAPI file is accepted, or refused as listed in openapi-examples.test.ts), or mark one read (with `typing_indicator`: show “typing…”); also served without {version}',
    security: [{ bearerAuth: [] }],
    request: {
      params: z.object({ version: z.string(), phoneNumberId: z.string() }),
      body: {
        content: {
          'application/json': {
            // Every message type the simulator sends (text, media, location, contacts, reaction,
            // interactive incl. cta_url, flow, products and catalog, template), or a read receipt.
            schema: z.union([sendMessageRequestSchema, markReadRequestSchema]),
          },
        },
      },
    },
    responses: {
      200: { description: 'Accepted', content: { 'application/json': { schema: sendMessageResponseSchema } } },
      400: error,
      401: error,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/graph/{version}/{wabaId}/phone_numbers',
    tags: ['Cloud API simulator'],
    summary: 'List the WhatsApp Business account’s phone numbers with status, quality rating and limit tier',
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ version: z.string(), wabaId: z.string() }) },
    responses: { 200: { description: 'Phone numbers' }, 400: error, 401: error },
  });
  registry.registerPath({
    method: 'get',
    path: '/graph/{version}/{wabaId}/message_templates',
    tags: ['Cloud API simulator'],
    summary: 'List the WhatsApp Business account’s message templates',
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ version: z.string(), wabaId: z.string() }) },
    responses: { 200: { description: 'Templates' }, 400: error, 401: error },
  });
  registry.registerPath({
    method: 'post',
    path: '/graph/{version}/{wabaId}/message_templates',
    tags: ['Cloud API simulator'],
    summary: 'Create a message template (PENDING until the reviewer decides)',
    security: [{ bearerAuth: [] }],
    request: {
      params: z.object({ version: z.string(), wabaId: z.string() }),
      body: { content: { 'application/json': { schema: createTemplateRequestSchema } } },
    },
    responses: { 200: { description: 'Created' }, 400: error, 401: error },
  });
  registry.registerPath({
    method: 'delete',
    path: '/graph/{version}/{wabaId}/message_templates',
    tags: ['Cloud API simulator'],
    summary: 'Delete a template by name (every language), or one by hsm_id',
    security: [{ bearerAuth: [] }],
    request: {
      params: z.object({ version: z.string(), wabaId: z.string() }),
      query: z.object({ name: z.string(), hsm_id: z.string().optional() }),
    },
    responses: { 200: { description: 'Deleted' }, 400: error, 401: error },
  });
  registry.registerPath({
    method: 'post',
    path: '/graph/{version}/{phoneNumberId}/media',
    tags: ['Cloud API simulator'],
    summary: 'Upload media (multipart: file, type, messaging_product); JPEG/PNG ≤ 5 MB checked from the bytes',
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ version: z.string(), phoneNumberId: z.string() }) },
    responses: { 200: { description: 'The media id' }, 400: error, 401: error },
  });
  for (const method of ['get', 'post', 'delete'] as const) {
    registry.registerPath({
      method,
      path: '/graph/{version}/{id}',
      tags: ['Cloud API simulator'],
      summary: {
        get: 'A media object (with its download URL), a phone number, a template or a business account (`fields=`)',
        post: 'A phone number: two-step PIN (`pin`), webhook override (`webhook_configuration`, `webhook_url`), `new_display_name` (to review: `new_name_status`, then `phone_number_name_update`), `username`, `search_visibility`; a template: edit it (back to review)',
        delete: 'Delete a media object',
      }[method],
      security: [{ bearerAuth: [] }],
      request: {
        params: z.object({ version: z.string(), id: z.string() }),
        ...(method === 'post'
          ? { body: { content: { 'application/json': { schema: editTemplateRequestSchema } } } }
          : {}),
      },
      responses: { 200: { description: 'OK' }, 400: error, 401: error },
    });
  }
  for (const [action, summary] of [
    ['request_code', 'Send a six-digit verification code by SMS or voice (to the simulator’s outbox)'],
    ['verify_code', 'Verify the number with the code (5 wrong codes lock it for an hour; codes expire in 10 min)'],
    [
      'register',
      'Register the verified number with a two-step verification PIN (the same PIN when it has one: 133005)',
    ],
    ['deregister', 'Deregister the number: its sends are refused (133010) until it is registered again'],
    [
      'settings',
      'Update one feature setting: calling, user_identity_change, payload_encryption or storage_configuration',
    ],
    [
      'whatsapp_business_profile',
      'Update the WhatsApp Business profile (about, address, description, email, websites, vertical, picture)',
    ],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/graph/{version}/{phoneNumberId}/${action}`,
      tags: ['Cloud API simulator'],
      summary,
      security: [{ bearerAuth: [] }],
      request: { params: z.object({ version: z.string(), phoneNumberId: z.string() }) },
      responses: { 200: { description: 'Done' }, 400: error, 401: error },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/graph/{version}/{phoneNumberId}/settings',
    tags: ['Cloud API simulator'],
    summary: 'The number’s settings: calling, payload encryption, storage configuration',
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ version: z.string(), phoneNumberId: z.string() }) },
    responses: { 200: { description: 'Settings' }, 400: error, 401: error },
  });
  for (const [method, summary] of [
    ['get', 'The apps subscribed to the account’s webhooks (the simulator’s one app, or none)'],
    [
      'post',
      'Subscribe the app (webhooks flow again); with override_callback_uri and verify_token, send them there once the URL answers the verification GET (2200 otherwise)',
    ],
    ['delete', 'Unsubscribe: no webhooks for the account until it subscribes again'],
  ] as const) {
    registry.registerPath({
      method,
      path: '/graph/{version}/{wabaId}/subscribed_apps',
      tags: ['Cloud API simulator'],
      summary,
      security: [{ bearerAuth: [] }],
      request: { params: z.object({ version: z.string(), wabaId: z.string() }) },
      responses: { 200: { description: 'OK' }, 400: error, 401: error },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/graph/{version}/{phoneNumberId}/whatsapp_business_profile',
    tags: ['Cloud API simulator'],
    summary: 'The WhatsApp Business profile, flat in data[0]',
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ version: z.string(), phoneNumberId: z.string() }) },
    responses: { 200: { description: 'Profile' }, 400: error, 401: error },
  });
}
