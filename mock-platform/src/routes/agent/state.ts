import { agentStatusSchema, setAgentStateRequestSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import { setAgentState } from '../../platform/agents.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { checkChosenReason } from '../../platform/unavailable-reasons.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/agent/state`: Available or Unavailable. */
export function stateRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'put',
      path: '/',
      summary: 'Become Available (receive offers) or Unavailable, optionally with a reason',
      request: { body: jsonBody(setAgentStateRequestSchema) },
      responses: { 200: jsonContent(agentStatusSchema, 'The new state'), 400: errorResponses[400] },
    }),
    async (c) => {
      const { state, reasonId } = c.req.valid('json');
      // Only an administrator's reason: the system ones ("disconnected") are the platform's to set.
      checkChosenReason(ctx, reasonId, state);
      return c.json(await setAgentState(ctx, c.get('user'), state, reasonId), 200);
    },
  );
}
