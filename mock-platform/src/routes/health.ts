import { createRoute, z } from '@hono/zod-openapi';
import { jsonContent, router } from '../http/openapi.ts';

const healthSchema = z.object({ status: z.literal('ok'), uptimeSeconds: z.number() });

export function healthRoutes(startedAt: number, now: () => number) {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['Platform'],
      summary: 'Liveness: answers once the store is loaded and the server listens',
      responses: { 200: jsonContent(healthSchema, 'The platform is up') },
    }),
    (c) => c.json({ status: 'ok' as const, uptimeSeconds: Math.round((now() - startedAt) / 1000) }, 200),
  );
}
