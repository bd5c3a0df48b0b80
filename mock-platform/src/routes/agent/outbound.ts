import { conversationViewSchema, startConversationRequestSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { startConversation } from '../../platform/outbound.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** `/api/outbound`: the agent starts a conversation. */
export function outboundRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'post',
      path: '/',
      summary: 'Start a WhatsApp conversation with an approved template (BY-2); WhatsApp enforces consent',
      request: { body: jsonBody(startConversationRequestSchema) },
      responses: {
        201: jsonContent(conversationViewSchema, 'Started'),
        400: errorResponses[400],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await startConversation(ctx, c.get('user'), c.req.valid('json')), 201),
  );
}
