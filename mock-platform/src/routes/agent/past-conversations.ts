import { pastConversationSchema } from '../../../../shared/api/customer-context.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { pastConversation } from '../../platform/customer-context.ts';
import { agentRoute, agentRouter, idParam } from './agent-router.ts';

/** `/api/past-conversations`: an ended conversation, read-only (issue 16). */
export function pastConversationRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = agentRouter(sessions);
  app.openapi(
    agentRoute({
      method: 'get',
      path: '/{id}',
      summary: 'An ended conversation, read-only: transcript (notes included), closure reason and wrap-up note',
      description:
        'One the agent took part in (her history), or one of the customer she is serving now on a channel her role works; else 404.',
      request: { params: idParam },
      responses: { 200: jsonContent(pastConversationSchema, 'The conversation'), 404: errorResponses[404] },
    }),
    async (c) => c.json(await pastConversation(ctx, c.get('user'), c.req.valid('param').id), 200),
  );
  return app;
}
