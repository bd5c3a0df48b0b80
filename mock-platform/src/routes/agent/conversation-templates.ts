import { z } from '@hono/zod-openapi';
import {
  customComponentViewSchema,
  messageViewSchema,
  sendTemplateRequestSchema,
  templateViewSchema,
} from '../../../../shared/api/schemas.ts';
import { sessionIdOf } from '../../auth/sessions.ts';
import type { ComponentTokens } from '../../components/component-token.ts';
import { componentFor, componentUrl } from '../../components/custom-component.ts';
import { ApiError } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { workableConversation } from '../../platform/participants.ts';
import { sendTemplate, templatesFor } from '../../platform/templates.ts';
import { agentRouterPart, conversationRoute } from './agent-router.ts';

/** Templates in a conversation, and the custom component that picks them (a part of `/api/conversations`). */
export function conversationTemplateRoutes(ctx: PlatformContext, componentTokens: ComponentTokens) {
  return agentRouterPart()
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}/templates',
        summary: 'Approved templates of the conversation’s WhatsApp Business account, with their variables',
        responses: { 200: jsonContent(z.array(templateViewSchema), 'Templates'), 409: errorResponses[409] },
      }),
      async (c) => c.json(await templatesFor(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}/component',
        summary:
          'The custom component (template picker) for the conversation’s channel: its URL with %s replaced and a short-lived token, and its height (TP-6)',
        responses: {
          200: jsonContent(customComponentViewSchema, 'The component to load'),
          403: errorResponses[403],
          409: errorResponses[409],
        },
      }),
      (c) => {
        const user = c.get('user');
        const conversation = workableConversation(ctx, user, c.req.valid('param').id, 'templates');
        const component = componentFor(ctx.store, conversation.channelId);
        if (!component) {
          const channel = ctx.store.get('channels', conversation.channelId)?.name ?? conversation.channelId;
          throw new ApiError(
            404,
            'no_custom_component',
            `Templates are unavailable: no custom component is set up for the channel ${channel}. An administrator adds one in Digital settings → Custom components.`,
          );
        }
        const { token, expiresAt } = componentTokens.issue(user.id, sessionIdOf(c.get('token')), conversation.id);
        return c.json(
          {
            name: component.name,
            url: `${componentUrl(component.url, conversation.id)}#token=${encodeURIComponent(token)}`,
            height: component.height,
            expiresAt,
          },
          200,
        );
      },
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/template',
        summary: 'Send an approved template (also outside the 24-hour window)',
        request: { body: jsonBody(sendTemplateRequestSchema) },
        responses: { 201: jsonContent(messageViewSchema, 'Sent'), 400: errorResponses[400], 409: errorResponses[409] },
      }),
      async (c) => c.json(await sendTemplate(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
    );
}
