import { z } from '@hono/zod-openapi';
import { historyEntrySchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { interactionHistory } from '../../platform/history.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/history`: the conversations the agent finished. */
export function historyRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary: 'The agent’s interaction history: finished conversations, newest first (searchable)',
      request: { query: z.object({ search: z.string().max(200).optional() }) },
      responses: { 200: jsonContent(z.array(historyEntrySchema), 'History'), 400: errorResponses[400] },
    }),
    async (c) => c.json(await interactionHistory(ctx, c.get('user'), c.req.valid('query').search), 200),
  );
}
