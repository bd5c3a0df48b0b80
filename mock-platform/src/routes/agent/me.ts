import { z } from '@hono/zod-openapi';
import { agentStatusSchema, userViewSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { jsonContent } from '../../http/openapi.ts';
import { agentStatus } from '../../platform/agents.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/me`: the signed-in agent. */
export function meRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary: 'The signed-in agent and their state',
      responses: { 200: jsonContent(z.object({ user: userViewSchema, status: agentStatusSchema }), 'The agent') },
    }),
    (c) => {
      const user = c.get('user');
      return c.json(
        {
          user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
          status: agentStatus(ctx, user),
        },
        200,
      );
    },
  );
}
