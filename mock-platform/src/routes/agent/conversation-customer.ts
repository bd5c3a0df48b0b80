import { z } from '@hono/zod-openapi';
import { customerViewSchema } from '../../../../shared/api/customer-context.ts';
import { noteRequestSchema, tagRequestSchema } from '../../../../shared/api/customer-context-requests.ts';
import { messageViewSchema } from '../../../../shared/api/schemas.ts';
import { customerTagSchema } from '../../../../shared/customers/tags.ts';
import { validationError } from '../../http/errors.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { customerView } from '../../platform/customer-context.ts';
import { changeTag } from '../../platform/customer-tags.ts';
import { addNote } from '../../platform/notes.ts';
import { agentRouterPart, conversationRoute } from './agent-router.ts';

/** The customer context beside a conversation (issue 16): private notes, the customer and their tags (a part of `/api/conversations`). */
export function conversationCustomerRoutes(ctx: PlatformContext) {
  const changeRefusals = { 400: errorResponses[400], 409: errorResponses[409] };
  return agentRouterPart()
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/notes',
        summary: 'Add a private note: agents only (owner and conference guest), never sent to the customer',
        description:
          'Stored in the transcript with direction `note` and pushed to the participants as a `message` event. It never reaches WhatsApp and changes no clock (24-hour window, SLA, customer timer).',
        request: { body: jsonBody(noteRequestSchema) },
        responses: { 201: jsonContent(messageViewSchema, 'The note'), ...changeRefusals },
      }),
      async (c) => c.json(await addNote(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json').text), 201),
    )
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}/customer',
        summary:
          'The conversation’s customer: name and number (masked while masking is on), country, consent, preferred agent, tags, past conversations',
        responses: { 200: jsonContent(customerViewSchema, 'The customer') },
      }),
      (c) => c.json(customerView(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/customer/tags',
        summary: 'Tag the customer (an agent serving them now; at most 20 tags, no personal data)',
        request: { body: jsonBody(tagRequestSchema) },
        responses: { 200: jsonContent(customerViewSchema, 'The customer with the tag'), ...changeRefusals },
      }),
      async (c) =>
        c.json(await changeTag(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json').tag, 'add'), 200),
    )
    .openapi(
      conversationRoute({
        method: 'delete',
        path: '/{id}/customer/tags/{tag}',
        summary: 'Remove a tag from the customer (compared without case)',
        request: { params: z.object({ id: z.string().min(1).max(200), tag: z.string().min(1).max(200) }) },
        responses: { 200: jsonContent(customerViewSchema, 'The customer without the tag'), ...changeRefusals },
      }),
      async (c) => {
        const { id, tag } = c.req.valid('param');
        const parsed = customerTagSchema.safeParse(tag);
        if (!parsed.success) throw validationError(parsed.error);
        return c.json(await changeTag(ctx, c.get('user'), id, parsed.data, 'remove'), 200);
      },
    );
}
