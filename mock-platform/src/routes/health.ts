import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, router } from '../http/openapi.ts';
import type { WebhookSkips } from '../platform/webhook-items.ts';

const healthSchema = z.object({
  status: z.literal('ok'),
  uptimeSeconds: z.number(),
  /** Webhook items (messages, statuses, contacts…) the receiver could not store since start-up. */
  webhookItemsSkipped: z.number(),
  webhookSkipReasons: z.record(z.string(), z.number()),
});

export function healthRoutes(startedAt: number, now: () => number, skips: WebhookSkips) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['Platform'],
      summary: 'Liveness: answers once the store is loaded and the server listens',
      responses: { 200: jsonContent(healthSchema, 'The platform is up') },
    }),
    (c) =>
      c.json(
        {
          status: 'ok' as const,
          uptimeSeconds: Math.round((now() - startedAt) / 1000),
          webhookItemsSkipped: skips.total,
          webhookSkipReasons: skips.byReason(),
        },
        200,
      ),
  );
}
