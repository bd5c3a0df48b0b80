import { z } from '@hono/zod-openapi';
import { unavailableReasonViewSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { unavailableReasons } from '../../platform/unavailable-reasons.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/unavailable-reasons`: what the agent may give as her reason to be Unavailable. */
export function unavailableReasonRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary: 'Reasons to be Unavailable (Break, Lunch…), in English and Spanish',
      responses: { 200: jsonContent(z.array(unavailableReasonViewSchema), 'Unavailable reasons') },
    }),
    (c) => c.json(unavailableReasons(ctx), 200),
  );
}
