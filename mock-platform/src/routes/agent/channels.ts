import { z } from '@hono/zod-openapi';
import { agentChannelSchema, templateViewSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { maskerFor } from '../../platform/masking.ts';
import { channelPermissionsOf } from '../../platform/permissions.ts';
import { channelTemplates } from '../../platform/templates.ts';
import { agentRoute, agentRouter, idParam } from './agent-router.ts';

/** `/api/channels`: where the agent may start conversations, and with which templates. */
export function channelRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions)
    .openapi(
      agentRoute({
        method: 'get',
        path: '/',
        summary: 'The channels where the agent may start conversations (their role grants Send templates)',
        responses: { 200: jsonContent(z.array(agentChannelSchema), 'Channels') },
      }),
      (c) => {
        const user = c.get('user');
        return c.json(
          ctx.store
            .all('channels')
            .filter((channel) => channel.deletedAt === undefined)
            .filter((channel) => channelPermissionsOf(ctx.store, user, channel.id)?.includes('templates'))
            // The business number is masked like every number an agent sees (AG-7).
            .map(({ id, name, phoneNumber }) => ({
              id,
              name,
              phoneNumber: maskerFor(ctx.store, undefined).phone(phoneNumber),
            })),
          200,
        );
      },
    )
    .openapi(
      agentRoute({
        method: 'get',
        path: '/{id}/templates',
        summary: 'Approved templates of a channel’s WhatsApp Business account, to start a conversation with',
        request: { params: idParam },
        responses: {
          200: jsonContent(z.array(templateViewSchema), 'Templates'),
          403: errorResponses[403],
          404: errorResponses[404],
        },
      }),
      async (c) => c.json(await channelTemplates(ctx, c.get('user'), c.req.valid('param').id), 200),
    );
}
