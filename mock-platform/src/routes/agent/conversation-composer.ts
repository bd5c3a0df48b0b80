import { z } from '@hono/zod-openapi';
import { cannedResponseViewSchema } from '../../../../shared/api/canned-responses.ts';
import {
  messageViewSchema,
  richMessageViewSchema,
  sendRichMessageRequestSchema,
} from '../../../../shared/api/schemas.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import { cannedResponsesFor } from '../../platform/canned-responses.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { richMessagesFor, sendRichMessage } from '../../platform/replies.ts';
import { sendTyping } from '../../platform/typing.ts';
import { agentRouterPart, conversationRoute, whatsappFailed } from './agent-router.ts';

/** Needs Reply (403), and the conversation active (409). */
const replyRefusals = { 403: errorResponses[403], 409: errorResponses[409] };

/** What the agent's composer offers besides free text: canned responses, rich messages, typing (a part of `/api/conversations`). */
export function conversationComposerRoutes(ctx: PlatformContext) {
  return agentRouterPart()
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}/canned-responses',
        summary:
          'Canned responses for this conversation’s channel, their variables filled (masked while masking is on)',
        description:
          'Needs Reply on the channel. `{{customer.name}}`, `{{customer.number}}`… are filled on the server with what the agent may see of the customer: with masking on, the masked values.',
        responses: {
          200: jsonContent(z.array(cannedResponseViewSchema), 'Canned responses, by shortcut'),
          ...replyRefusals,
        },
      }),
      (c) => c.json(cannedResponsesFor(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/typing',
        summary: 'The agent is typing: WhatsApp shows “typing…” to the customer (at most once every 20 s)',
        description:
          'Sends the Cloud API typing indicator (`status: read`, `typing_indicator`) for the customer’s latest message. Calls within 20 s of the last one answer `sent: false` without calling WhatsApp; a reply resets that. Needs Reply and the open 24-hour window.',
        responses: {
          200: jsonContent(z.object({ sent: z.boolean() }), 'Whether WhatsApp was told'),
          ...replyRefusals,
          502: whatsappFailed('WhatsApp refused the indicator'),
        },
      }),
      async (c) => c.json(await sendTyping(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      conversationRoute({
        method: 'get',
        path: '/{id}/rich-messages',
        summary:
          'Rich messages assigned to the conversation’s channel (quick replies, links, list and time-slot pickers)',
        responses: { 200: jsonContent(z.array(richMessageViewSchema), 'Rich messages'), ...replyRefusals },
      }),
      (c) => c.json(richMessagesFor(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/rich-message',
        summary:
          'Send a rich message assigned to the channel (inside the 24-hour window); the customer’s choice comes back as a message',
        request: { body: jsonBody(sendRichMessageRequestSchema) },
        responses: { 201: jsonContent(messageViewSchema, 'Sent'), 400: errorResponses[400], ...replyRefusals },
      }),
      async (c) =>
        c.json(
          await sendRichMessage(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json').richMessageId),
          201,
        ),
    );
}
