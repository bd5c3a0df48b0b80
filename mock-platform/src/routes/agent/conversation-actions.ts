import { z } from '@hono/zod-openapi';
import {
  conferenceRequestSchema,
  conversationViewSchema,
  endConversationRequestSchema,
  transferRequestSchema,
  wrapUpViewSchema,
} from '../../../../shared/api/schemas.ts';
import { errorResponses, jsonBody, jsonContent } from '../../http/openapi.ts';
import { endConversation } from '../../platform/agents.ts';
import { inviteToConference, stopConference } from '../../platform/conference.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { agentConversation } from '../../platform/participants.ts';
import { sendSurvey } from '../../platform/templates.ts';
import { transfer } from '../../platform/transfers.ts';
import { conversationView } from '../../platform/views.ts';
import { agentRouterPart, conversationRoute } from './agent-router.ts';

/** Ending, transferring and conferencing a conversation (a part of `/api/conversations`). */
export function conversationActionRoutes(ctx: PlatformContext) {
  return agentRouterPart()
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/end',
        summary: 'End the conversation with a closure reason (wrap-up)',
        request: { body: jsonBody(endConversationRequestSchema) },
        responses: {
          200: jsonContent(conversationViewSchema, 'Ended'),
          400: errorResponses[400],
          409: errorResponses[409],
        },
      }),
      async (c) => {
        const ended = await endConversation(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json'));
        await sendSurvey(ctx, ended.id).catch((error: unknown) =>
          console.warn(`[platform] the satisfaction survey of ${ended.id} was not sent: ${(error as Error).message}`),
        );
        return c.json(ended, 200);
      },
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/transfer',
        summary: 'Transfer to a queue or an available agent; the agent then owes a wrap-up',
        description:
          'The receiving side must accept; if it rejects or lets the offer expire, the transfer is abandoned and the conversation returns to its queue.',
        request: { body: jsonBody(transferRequestSchema) },
        responses: {
          200: jsonContent(wrapUpViewSchema, 'Transferred: the wrap-up the agent owes'),
          400: errorResponses[400],
          409: errorResponses[409],
        },
      }),
      async (c) => c.json(await transfer(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/conference',
        summary: 'Invite an available agent, or the best available agent of a queue, to join (conference requested)',
        request: { body: jsonBody(conferenceRequestSchema) },
        responses: {
          200: jsonContent(conversationViewSchema, 'Requested'),
          400: errorResponses[400],
          403: errorResponses[403],
          409: errorResponses[409],
        },
      }),
      async (c) => {
        const user = c.get('user');
        const { id } = c.req.valid('param');
        await inviteToConference(ctx, user, id, c.req.valid('json'));
        return c.json(conversationView(ctx, agentConversation(ctx, user, id), user.id), 200);
      },
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/conference/leave',
        summary: 'The invited agent leaves the conference; the conversation continues with the owner',
        responses: stopConferenceResponses,
      }),
      async (c) => {
        await stopConference(ctx, c.get('user'), c.req.valid('param').id, 'leave');
        return c.json({ ok: true as const }, 200);
      },
    )
    .openapi(
      conversationRoute({
        method: 'post',
        path: '/{id}/conference/end',
        summary: 'The owner ends the conference; the invited agent leaves',
        responses: stopConferenceResponses,
      }),
      async (c) => {
        await stopConference(ctx, c.get('user'), c.req.valid('param').id, 'end');
        return c.json({ ok: true as const }, 200);
      },
    );
}

const stopConferenceResponses = {
  200: jsonContent(z.object({ ok: z.literal(true) }), 'Done'),
  403: errorResponses[403],
  409: errorResponses[409],
};
