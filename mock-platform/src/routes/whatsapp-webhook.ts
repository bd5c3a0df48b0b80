import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { webhookEnvelopeSchema } from '../../../shared/whatsapp/webhook-schema.ts';
import { ApiError, zodIssues } from '../http/errors.ts';
import { errorResponses, router } from '../http/openapi.ts';
import { sameSecret } from '../http/same-secret.ts';
import type { PlatformContext } from '../platform/context.ts';
import { receiveWebhook } from '../platform/inbound.ts';
import { verifySignature } from '../whatsapp/signature.ts';

// Meta's webhook payloads are small; anything far larger is not from Meta.
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

const route = createRoute({
  method: 'post',
  path: '/whatsapp',
  tags: ['Webhooks'],
  summary: 'Cloud API webhook receiver (signed with X-Hub-Signature-256)',
  description:
    'Answers 200 only once every message in the body that can be read is durably stored; repeated deliveries of a message id are ignored. Each entry, change, contact, message and status is taken on its own: one that cannot be read or applied is logged with its reason and counted (`GET /healthz`), never refusing the rest. 400 only when the body is not a WhatsApp webhook envelope at all.',
  request: {
    headers: z.object({ 'x-hub-signature-256': z.string().optional() }),
    body: { content: { 'application/json': { schema: webhookEnvelopeSchema } } },
  },
  responses: {
    200: { description: 'Stored (or already stored); items that could not be stored are logged and counted' },
    400: errorResponses[400],
    401: errorResponses[401],
  },
});

const verification = createRoute({
  method: 'get',
  path: '/whatsapp',
  tags: ['Webhooks'],
  summary: 'Meta’s subscription handshake: echoes hub.challenge when hub.verify_token matches',
  request: {
    query: z.object({
      'hub.mode': z.string().optional(),
      'hub.verify_token': z.string().optional(),
      'hub.challenge': z.string().optional(),
    }),
  },
  responses: {
    200: { description: 'The challenge, as text', content: { 'text/plain': { schema: z.string() } } },
    403: { description: 'Wrong mode or token' },
  },
});

export function whatsappWebhookRoutes(
  ctx: PlatformContext,
  { appSecret, verifyToken }: { appSecret: string; verifyToken: string },
) {
  const app = router();
  app.openapi(verification, (c) => {
    const query = c.req.valid('query');
    // Constant time: the answer's timing says nothing about how much of a guessed token was right.
    if (query['hub.mode'] === 'subscribe' && sameSecret(query['hub.verify_token'] ?? '', verifyToken)) {
      return c.text(query['hub.challenge'] ?? '', 200);
    }
    return c.text('Forbidden', 403);
  });

  // The signature covers the raw bytes, so this route reads them itself instead of letting a
  // validator parse JSON first. It is documented through the registry with the route above.
  app.openAPIRegistry.registerPath(route);
  app.post(
    '/whatsapp',
    bodyLimit({
      maxSize: MAX_WEBHOOK_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes`);
      },
    }),
    async (c) => {
      const raw = new Uint8Array(await c.req.arrayBuffer());
      if (!verifySignature(appSecret, raw, c.req.header('x-hub-signature-256'))) {
        throw new ApiError(401, 'invalid_signature', 'X-Hub-Signature-256 is missing or does not match the body');
      }
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(raw));
      } catch {
        throw new ApiError(400, 'invalid_json', 'The webhook body is not valid JSON');
      }
      const envelope = webhookEnvelopeSchema.safeParse(json);
      if (!envelope.success) {
        throw new ApiError(
          400,
          'invalid_webhook',
          'The body is not a WhatsApp webhook (object "whatsapp_business_account" with an entry list)',
          zodIssues(envelope.error),
        );
      }
      await receiveWebhook(ctx, envelope.data);
      return c.text('EVENT_RECEIVED', 200);
    },
  );
  return app;
}
