import { z } from '@hono/zod-openapi';
import { apiErrorSchema, messageViewSchema } from '../../../../shared/api/schemas.ts';
import { MEDIA_ACCEPT, MEDIA_LIMITS } from '../../../../shared/whatsapp/media-limits.ts';
import { ApiError, invalidField } from '../../http/errors.ts';
import { errorResponses, jsonContent } from '../../http/openapi.ts';
import { sendAttachment } from '../../platform/attachments.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { agentConversation } from '../../platform/participants.ts';
import { agentRouterPart, conversationRoute, whatsappFailed } from './agent-router.ts';

/** Meta's largest file (a 100 MB document) plus room for the multipart framing and the caption. */
export const MAX_ATTACHMENT_BODY_BYTES =
  Math.max(...Object.values(MEDIA_LIMITS).map((limit) => limit.maxBytes)) + 64 * 1024;

/** Whether a request is an attachment upload: the one API body allowed past the JSON limit. */
export function isAttachmentUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/api\/conversations\/[^/]+\/media\/?$/.test(path);
}

/** Files in a conversation: the customer's photos, and the agent's attachments sent by media id (a part of `/api/conversations`). */
export function conversationMediaRoutes(ctx: PlatformContext) {
  return agentRouterPart()
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}/media/{mediaId}',
        summary: 'A photo the customer sent in the conversation, fetched from WhatsApp',
        request: { params: z.object({ id: z.string().min(1).max(200), mediaId: z.string().min(1).max(64) }) },
        responses: { 200: { description: 'The image bytes', content: { 'image/*': { schema: z.string() } } } },
      }),
      async (c) => {
        const { id, mediaId } = c.req.valid('param');
        agentConversation(ctx, c.get('user'), id);
        const carried = ctx.store
          .where('messages', 'conversationId', id)
          .some((message) => message.media?.id === mediaId);
        if (!carried) throw new ApiError(404, 'not_found', `Media ${mediaId} is not in conversation ${id}`);
        try {
          const { bytes, mimeType } = await ctx.graph.downloadMedia(mediaId);
          return c.body(bytes, 200, { 'content-type': mimeType, 'cache-control': 'private, max-age=300' }) as never;
        } catch {
          throw new ApiError(404, 'media_unavailable', 'WhatsApp no longer has this photo (media expire)');
        }
      },
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/media',
        summary: 'Send a file (image, sticker, audio, video or document) with an optional caption',
        description: `A \`multipart/form-data\` body with \`file\` and an optional \`caption\` (images, videos and documents only; at most 1024 characters). Meta's types (${MEDIA_ACCEPT}) and sizes apply (images 5 MB, stickers 500 KB, audio and video 16 MB, documents 100 MB): a file of another type is refused with 415, a larger one with 413, both naming \`file\`. Needs Reply on the channel, the conversation active and the 24-hour window open. The file is uploaded to the Cloud API's media endpoint, then sent by its media id through the outbox, like a text reply.`,
        responses: {
          201: jsonContent(messageViewSchema, 'Sent (or failed, as the message says)'),
          400: errorResponses[400],
          403: errorResponses[403],
          409: errorResponses[409],
          413: jsonContent(apiErrorSchema, 'The file is larger than WhatsApp takes for its type'),
          415: jsonContent(apiErrorSchema, 'WhatsApp does not take files of this type'),
          502: whatsappFailed('WhatsApp refused the file, or could not be reached'),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        let form: FormData;
        try {
          form = await c.req.formData();
        } catch {
          throw invalidField('file', 'is required: send multipart/form-data with the file and an optional caption');
        }
        const file = form.get('file');
        if (!(file instanceof File)) throw invalidField('file', 'is required');
        const caption = form.get('caption');
        if (caption !== null && typeof caption !== 'string') throw invalidField('caption', 'must be text');
        const sent = await sendAttachment(
          ctx,
          c.get('user'),
          id,
          { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type, name: file.name },
          caption ?? undefined,
        );
        return c.json(sent, 201);
      },
    );
}
