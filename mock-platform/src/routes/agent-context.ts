import { createRoute, z } from '@hono/zod-openapi';
import { customerViewSchema, pastConversationSchema } from '../../../shared/api/customer-context.ts';
import { noteRequestSchema, tagRequestSchema } from '../../../shared/api/customer-context-requests.ts';
import { messageViewSchema } from '../../../shared/api/schemas.ts';
import { customerTagSchema } from '../../../shared/customers/tags.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { validationError } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { PlatformContext } from '../platform/context.ts';
import { customerView, pastConversation } from '../platform/customer-context.ts';
import { changeTag } from '../platform/customer-tags.ts';
import { addNote } from '../platform/notes.ts';
import { pastMedia } from '../platform/past-media.ts';

const idParam = z.object({ id: z.string().min(1).max(200) });

/** The customer context beside a conversation (issue 16): private notes, the customer, their past conversations. */
export function agentContextRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = router<AuthEnv>();
  const agentOnly = requireUser({ sessions, roles: ['agent'] });
  app.use('/conversations/:id/notes', agentOnly);
  app.use('/conversations/:id/customer', agentOnly);
  app.use('/conversations/:id/customer/*', agentOnly);
  app.use('/past-conversations/*', agentOnly);
  const base = { tags: ['Agent'], security: bearerSecurity };

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/notes',
      summary: 'Add a private note: agents only (owner and conference guest), never sent to the customer',
      description:
        'Stored in the transcript with direction `note` and pushed to the participants as a `message` event. It never reaches WhatsApp and changes no clock (24-hour window, SLA, customer timer).',
      request: { params: idParam, body: jsonBody(noteRequestSchema) },
      responses: {
        201: jsonContent(messageViewSchema, 'The note'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await addNote(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json').text), 201),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}/customer',
      summary:
        'The conversation’s customer: name and number (masked while masking is on), country, consent, preferred agent, tags, past conversations',
      request: { params: idParam },
      responses: {
        200: jsonContent(customerViewSchema, 'The customer'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    (c) => c.json(customerView(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/customer/tags',
      summary: 'Tag the customer (an agent serving them now; at most 20 tags, no personal data)',
      request: { params: idParam, body: jsonBody(tagRequestSchema) },
      responses: {
        200: jsonContent(customerViewSchema, 'The customer with the tag'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(await changeTag(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json').tag, 'add'), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'delete',
      path: '/conversations/{id}/customer/tags/{tag}',
      summary: 'Remove a tag from the customer (compared without case)',
      request: { params: z.object({ id: z.string().min(1).max(200), tag: z.string().min(1).max(200) }) },
      responses: {
        200: jsonContent(customerViewSchema, 'The customer without the tag'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const { id, tag } = c.req.valid('param');
      const parsed = customerTagSchema.safeParse(tag);
      if (!parsed.success) throw validationError(parsed.error);
      return c.json(await changeTag(ctx, c.get('user'), id, parsed.data, 'remove'), 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/past-conversations/{id}',
      summary: 'An ended conversation, read-only: transcript (notes included), closure reason and wrap-up note',
      description:
        'One the agent took part in (her history), or one of the customer she is serving now on a channel her role works; else 404.',
      request: { params: idParam },
      responses: {
        200: jsonContent(pastConversationSchema, 'The conversation'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await pastConversation(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/past-conversations/{id}/media/{mediaId}',
      summary: 'A photo, voice note, video or document of an ended conversation, fetched from WhatsApp',
      description:
        'The same access as `GET /past-conversations/{id}`, and only media that conversation carries (archived too); 404 once WhatsApp no longer has it (media expire).',
      request: { params: idParam.extend({ mediaId: z.string().min(1).max(64) }) },
      responses: {
        200: { description: 'The file bytes', content: { 'application/octet-stream': { schema: z.string() } } },
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { id, mediaId } = c.req.valid('param');
      const { bytes, mimeType } = await pastMedia(ctx, c.get('user'), id, mediaId);
      return c.body(bytes, 200, { 'content-type': mimeType, 'cache-control': 'private, max-age=300' }) as never;
    },
  );
  return app;
}
