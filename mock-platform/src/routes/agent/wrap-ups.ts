import { z } from '@hono/zod-openapi';
import { wrapUpRequestSchema, wrapUpViewSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { completeWrapUp, pendingWrapUps } from '../../platform/transfers.ts';
import { agentRoute, agentRouter, idParam } from './agent-router.ts';

/** `/api/wrap-ups`: the after-contact work the agent owes. */
export function wrapUpRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions)
    .openapi(
      agentRoute({
        method: 'get',
        path: '/',
        summary: 'Wrap-ups this agent still owes',
        responses: { 200: jsonContent(z.array(wrapUpViewSchema), 'Pending wrap-ups') },
      }),
      (c) => c.json(pendingWrapUps(ctx, c.get('user')), 200),
    )
    .openapi(
      agentRoute({
        method: 'post',
        path: '/{id}',
        summary: 'Complete a wrap-up with a closure reason',
        request: { params: idParam, body: jsonBody(wrapUpRequestSchema) },
        responses: {
          200: jsonContent(z.object({ ok: z.literal(true) }), 'Done'),
          400: errorResponses[400],
          404: errorResponses[404],
          409: errorResponses[409],
        },
      }),
      async (c) => {
        await completeWrapUp(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json'));
        return c.json({ ok: true as const }, 200);
      },
    );
}
