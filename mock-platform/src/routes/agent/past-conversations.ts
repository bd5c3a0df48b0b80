import { z } from '@hono/zod-openapi';
import { pastConversationSchema } from '../../../../shared/api/customer-context.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { pastConversation } from '../../platform/customer-context.ts';
import { pastMedia } from '../../platform/past-media.ts';
import { agentRoute, agentRouter, idParam } from './agent-router.ts';

/** `/api/past-conversations`: an ended conversation, read-only, and its media (issue 16). */
export function pastConversationRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions)
    .openapi(
      agentRoute({
        method: 'get',
        path: '/{id}',
        summary: 'An ended conversation, read-only: transcript (notes included), closure reason and wrap-up note',
        description:
          'One the agent took part in (her history), or one of the customer she is serving now on a channel her role works; else 404.',
        request: { params: idParam },
        responses: { 200: jsonContent(pastConversationSchema, 'The conversation'), 404: errorResponses[404] },
      }),
      async (c) => c.json(await pastConversation(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      agentRoute({
        method: 'get',
        path: '/{id}/media/{mediaId}',
        summary: 'A photo, voice note, video or document of an ended conversation, fetched from WhatsApp',
        description:
          'The same access as `GET /past-conversations/{id}`, and only media that conversation carries (archived too); 404 once WhatsApp no longer has it (media expire).',
        request: { params: idParam.extend({ mediaId: z.string().min(1).max(64) }) },
        responses: {
          200: { description: 'The file bytes', content: { 'application/octet-stream': { schema: z.string() } } },
          404: errorResponses[404],
        },
      }),
      async (c) => {
        const { id, mediaId } = c.req.valid('param');
        const { bytes, mimeType } = await pastMedia(ctx, c.get('user'), id, mediaId);
        return c.body(bytes, 200, { 'content-type': mimeType, 'cache-control': 'private, max-age=300' }) as never;
      },
    );
}
