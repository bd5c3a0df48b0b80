import { z } from '@hono/zod-openapi';
import { messageViewSchema, replyRequestSchema } from '../../../../shared/api/schemas.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { reply, retryReply, transcript } from '../../platform/replies.ts';
import { agentRouterPart, conversationRoute, whatsappFailed } from './agent-router.ts';

/** The transcript and the agent's replies (a part of `/api/conversations`). */
export function conversationMessageRoutes(ctx: PlatformContext) {
  return agentRouterPart()
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}/messages',
        summary: 'The transcript, oldest first',
        responses: { 200: jsonContent(z.array(messageViewSchema), 'Messages') },
      }),
      (c) => c.json(transcript(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/messages',
        summary:
          'Reply to the customer (free-form text, inside the 24-hour window), optionally quoting one of their messages',
        description:
          'The reply is stored (status `sending`) before the Cloud API is called, then gets its wamid. When WhatsApp refuses it (502 `whatsapp_refused`) or cannot be reached in time (502 `whatsapp_unreachable`: it may have been sent), the reply stays in the transcript as `failed` with `errorCode` or `uncertain`, and can be retried.',
        request: { body: jsonBody(replyRequestSchema) },
        responses: {
          201: jsonContent(messageViewSchema, 'Sent to WhatsApp and stored'),
          400: errorResponses[400],
          409: errorResponses[409],
          502: whatsappFailed('WhatsApp refused it, or could not be reached (the reply is stored as failed)'),
        },
      }),
      async (c) => {
        const { text, replyToMessageId } = c.req.valid('json');
        return c.json(await reply(ctx, c.get('user'), c.req.valid('param').id, text, replyToMessageId), 201);
      },
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/messages/{messageId}/retry',
        summary: 'Send a failed reply again (as a new message; the failed one is marked retried)',
        description:
          'Needs Reply on the channel and the 24-hour window open, like replying. Only a failed text or rich-message reply that was not retried yet (`retryable` in its view); else 409 `not_retryable`.',
        request: { params: z.object({ id: z.string().min(1).max(200), messageId: z.string().min(1).max(200) }) },
        responses: {
          201: jsonContent(messageViewSchema, 'Sent to WhatsApp and stored'),
          403: errorResponses[403],
          409: errorResponses[409],
          502: whatsappFailed('WhatsApp refused it, or could not be reached (the new attempt is stored as failed)'),
        },
      }),
      async (c) => {
        const { id, messageId } = c.req.valid('param');
        return c.json(await retryReply(ctx, c.get('user'), id, messageId), 201);
      },
    );
}
