import { z } from '@hono/zod-openapi';
import { transferTargetsSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { transferTargets } from '../../platform/transfers.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/transfer-targets`: where the agent may transfer or invite to. */
export function transferTargetRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary:
        'Queues and agents a conversation can be transferred to (refresh at will); with `conversationId`, each agent whose role cannot take that conversation says why (`cannotTake`)',
      request: { query: z.object({ conversationId: z.string().min(1).optional() }) },
      responses: { 200: jsonContent(transferTargetsSchema, 'Targets'), 404: errorResponses[404] },
    }),
    (c) => c.json(transferTargets(ctx, c.get('user'), c.req.valid('query').conversationId), 200),
  );
}
