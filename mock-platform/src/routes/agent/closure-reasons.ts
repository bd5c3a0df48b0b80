import { z } from '@hono/zod-openapi';
import { closureReasonViewSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/closure-reasons`: what a conversation or a wrap-up ends with. */
export function closureReasonRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary: 'Closure reasons to end a conversation with',
      responses: { 200: jsonContent(z.array(closureReasonViewSchema), 'Closure reasons') },
    }),
    (c) =>
      c.json(
        ctx.store
          .all('closureReasons')
          .map(({ id, name }) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        200,
      ),
  );
}
