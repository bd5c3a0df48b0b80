import { transferTargetsSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { transferTargets } from '../../platform/transfers.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/transfer-targets`: where the agent may transfer or invite to. */
export function transferTargetRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary: 'Queues and agents a conversation can be transferred to (refresh at will)',
      responses: { 200: jsonContent(transferTargetsSchema, 'Targets') },
    }),
    (c) => c.json(transferTargets(ctx, c.get('user')), 200),
  );
}
