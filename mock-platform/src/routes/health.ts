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
const failingSchema = healthSchema.extend({
  status: z.literal('failing'),
  /** Which store stopped taking writes, and its error. */
  reason: z.string(),
});

/** A store whose state `/healthz` reports: it answers `failed` once it stopped taking writes. */
export interface HealthSource {
  name: string;
  store: { readonly failed?: Error | undefined };
}

export function healthRoutes(
  startedAt: number,
  now: () => number,
  skips: WebhookSkips,
  sources: readonly HealthSource[] = [],
) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['Platform'],
      summary: 'Health: 200 while the stores can write, 503 with the reason when one cannot (restart it then)',
      responses: {
        200: jsonContent(healthSchema, 'The platform is up and its stores can write'),
        503: jsonContent(failingSchema, 'A store stopped taking writes: nothing is acknowledged until a restart'),
      },
    }),
    (c) => {
      const state = {
        uptimeSeconds: Math.round((now() - startedAt) / 1000),
        webhookItemsSkipped: skips.total,
        webhookSkipReasons: skips.byReason(),
      };
      const failing = sources.find((source) => source.store.failed);
      if (failing) {
        const reason = `The ${failing.name} store cannot write (${failing.store.failed?.message}): restart the platform`;
        return c.json({ status: 'failing' as const, ...state, reason }, 503);
      }
      return c.json({ status: 'ok' as const, ...state }, 200);
    },
  );
}
