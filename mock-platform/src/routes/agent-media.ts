import { createRoute, z } from '@hono/zod-openapi';
import { apiErrorSchema, messageViewSchema } from '../../../shared/api/schemas.ts';
import { MEDIA_ACCEPT, MEDIA_LIMITS } from '../../../shared/whatsapp/media-limits.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { invalidField } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonContent, router } from '../http/openapi.ts';
import { sendAttachment } from '../platform/attachments.ts';
import type { PlatformContext } from '../platform/context.ts';

const idParam = z.object({ id: z.string().min(1).max(200) });

/** Meta's largest file (a 100 MB document) plus room for the multipart framing and the caption. */
export const MAX_ATTACHMENT_BODY_BYTES =
  Math.max(...Object.values(MEDIA_LIMITS).map((limit) => limit.maxBytes)) + 64 * 1024;

/** Whether a request is an attachment upload: the one API body allowed past the JSON limit. */
export function isAttachmentUpload(method: string, path: string): boolean {
  return method === 'POST' && /^\/api\/conversations\/[^/]+\/media\/?$/.test(path);
}

/** The agent attaches a file to a conversation: uploaded to WhatsApp, then sent by its media id. */
export function agentMediaRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = router<AuthEnv>();
  app.use('/conversations/:id/media', requireUser({ sessions, roles: ['agent'] }));

  app.openapi(
    createRoute({
      tags: ['Agent'],
      security: bearerSecurity,
      method: 'post',
      path: '/conversations/{id}/media',
      summary: 'Send a file (image, sticker, audio, video or document) with an optional caption',
      description: `A \`multipart/form-data\` body with \`file\` and an optional \`caption\` (images, videos and documents only; at most 1024 characters). Meta's types (${MEDIA_ACCEPT}) and sizes apply (images 5 MB, stickers 500 KB, audio and video 16 MB, documents 100 MB): a file of another type is refused with 415, a larger one with 413, both naming \`file\`. Needs Reply on the channel, the conversation active and the 24-hour window open. The file is uploaded to the Cloud API's media endpoint, then sent by its media id through the outbox, like a text reply.`,
      request: { params: idParam },
      responses: {
        201: jsonContent(messageViewSchema, 'Sent (or failed, as the message says)'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
        413: jsonContent(apiErrorSchema, 'The file is larger than WhatsApp takes for its type'),
        415: jsonContent(apiErrorSchema, 'WhatsApp does not take files of this type'),
        502: jsonContent(apiErrorSchema, 'WhatsApp refused the file, or could not be reached'),
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
  return app;
}
