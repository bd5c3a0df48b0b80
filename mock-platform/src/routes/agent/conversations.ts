import { z } from '@hono/zod-openapi';
import { conversationViewSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import type { ComponentTokens } from '../../components/component-token.ts';
import { jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { activeConversations, agentConversation } from '../../platform/participants.ts';
import { conversationView } from '../../platform/views.ts';
import { agentRoute, agentRouter, conversationRoute } from './agent-router.ts';
import { conversationActionRoutes } from './conversation-actions.ts';
import { conversationComposerRoutes } from './conversation-composer.ts';
import { conversationCustomerRoutes } from './conversation-customer.ts';
import { conversationMediaRoutes } from './conversation-media.ts';
import { conversationMessageRoutes } from './conversation-messages.ts';
import { conversationTemplateRoutes } from './conversation-templates.ts';

/**
 * `/api/conversations`: the agent's conversations. One guard for the whole prefix; each concern
 * (messages, actions, composer, templates, media, customer) is a part mounted here and nowhere else.
 */
export function conversationRoutes(ctx: PlatformContext, sessions: Sessions, componentTokens: ComponentTokens) {
  return agentRouter(sessions)
    .openapi(
      agentRoute({
        method: 'get',
        path: '/',
        summary: 'The conversations this agent is working on',
        responses: { 200: jsonContent(z.array(conversationViewSchema), 'Active conversations') },
      }),
      (c) =>
        c.json(
          activeConversations(ctx, c.get('user').id).map((conv) => conversationView(ctx, conv, c.get('user').id)),
          200,
        ),
    )
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}',
        summary: 'One of this agent’s conversations',
        responses: { 200: jsonContent(conversationViewSchema, 'The conversation') },
      }),
      (c) => {
        const user = c.get('user');
        return c.json(conversationView(ctx, agentConversation(ctx, user, c.req.valid('param').id), user.id), 200);
      },
    )
    .route('/', conversationMessageRoutes(ctx))
    .route('/', conversationActionRoutes(ctx))
    .route('/', conversationComposerRoutes(ctx))
    .route('/', conversationTemplateRoutes(ctx, componentTokens))
    .route('/', conversationMediaRoutes(ctx))
    .route('/', conversationCustomerRoutes(ctx));
}
