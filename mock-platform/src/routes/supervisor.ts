import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { agentStatusSchema, conversationViewSchema, messageViewSchema } from '../../../shared/api/schemas.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { StoreChanges } from '../events/store-changes.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import { sseLoop } from '../http/sse-stream.ts';
import type { PlatformContext } from '../platform/context.ts';
import {
  closeConversation,
  makeUnavailable,
  reassign,
  signOutAgent,
  supervisedConversation,
} from '../platform/supervision-actions.ts';
import { supervisionBoard, supervisionBoardSchema } from '../platform/supervision-board.ts';

/** Without any change, the board is sent again this often: waits grow and SLA clocks fall due. */
const REFRESH_MS = 10_000;

const idParam = z.object({ id: z.string().min(1).max(200) });
const reassignSchema = z.union([
  z.object({ agentId: z.string().min(1, 'choose an agent') }).strict(),
  z.object({ skillId: z.string().min(1, 'choose a queue') }).strict(),
]);
/** Optional: the unavailable reason the supervisor picks (`GET /api/unavailable-reasons`). */
const makeUnavailableSchema = z.object({ reasonId: z.string().min(1).max(200).optional() });

const closeSchema = z.object({
  closureReasonId: z.string().min(1, 'choose a closure reason'),
  note: z.string().max(2000).optional(),
});

/**
 * The supervisor's side (a role of its own, enforced here): live queue and agent boards, and the
 * actions on conversations and agents. Administrators may use it too; agents get 403.
 */
export function supervisorRoutes(ctx: PlatformContext, sessions: Sessions, changes: StoreChanges) {
  const app = router<AuthEnv>();
  app.use('*', requireUser({ sessions, roles: ['supervisor', 'admin'] }));
  const base = { tags: ['Supervision'], security: bearerSecurity };
  const denied = { 401: errorResponses[401], 403: errorResponses[403] };

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/board',
      summary:
        'The live queue and agent boards: per skill and channel (waiting, longest wait, offered, agents by state, SLA at risk and breached today), per agent (state and reason with duration, open conversations, handled today, average handle time, first-response SLA), and the open conversations (masked as the setting says)',
      responses: { 200: jsonContent(supervisionBoardSchema, 'The boards'), ...denied },
    }),
    (c) => c.json(supervisionBoard(ctx), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/events',
      summary: 'Server-sent events: the boards (`board`), sent on connect and again whenever anything on them changes',
      description:
        'Each `board` event carries the whole board, as `GET /api/supervisor/board` answers it. Changes arriving together are sent as one board; without changes it is sent again every 10 seconds, so waits and SLA clocks stay current.',
      responses: {
        200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
        ...denied,
      },
    }),
    (c) => {
      const token = c.get('token');
      return streamSSE(c, async (stream) => {
        const loop = sseLoop(stream);
        let dirty = true;
        const touch = () => {
          dirty = true;
          loop.wake();
        };
        changes.subscribe(touch, loop.signal);
        const refresh = setInterval(touch, REFRESH_MS);
        try {
          await loop.run(() => {
            // Signed out (or the session expired) while watching: the stream ends.
            if (!sessions.authenticate(token)) return 'end';
            if (!dirty) return undefined;
            dirty = false;
            return { event: 'board', data: JSON.stringify(supervisionBoard(ctx)) };
          });
        } finally {
          clearInterval(refresh);
        }
      });
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}',
      summary: 'Any conversation, read-only, with its transcript (masked as the setting says)',
      request: { params: idParam },
      responses: {
        200: jsonContent(
          z.object({
            conversation: conversationViewSchema.extend({ agentName: z.string().optional() }),
            messages: z.array(messageViewSchema),
          }),
          'The conversation and its messages',
        ),
        ...denied,
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await supervisedConversation(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/reassign',
      summary:
        'Reassign a conversation to an agent (offered to her; she must be Available with room and Reply on the channel) or to a queue (it waits there); whoever had it owes a wrap-up. Audited',
      request: { params: idParam, body: jsonBody(reassignSchema) },
      responses: {
        200: jsonContent(conversationViewSchema, 'The conversation as it is now'),
        400: errorResponses[400],
        ...denied,
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await reassign(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/close',
      summary:
        'Close a conversation with a closure reason, whether it waits, is offered or is being worked; its agents’ parts are wrapped up with that reason. Audited',
      request: { params: idParam, body: jsonBody(closeSchema) },
      responses: {
        200: jsonContent(conversationViewSchema, 'The ended conversation'),
        400: errorResponses[400],
        ...denied,
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await closeConversation(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/agents/{id}/unavailable',
      summary:
        'Make an agent Unavailable, optionally for one of the unavailable reasons (she sees it): her pending offers go back to the queue. Audited',
      request: {
        params: idParam,
        body: { required: false, content: { 'application/json': { schema: makeUnavailableSchema } } },
      },
      responses: {
        200: jsonContent(agentStatusSchema, 'Her new state'),
        ...denied,
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const reasonId = (c.req.valid('json') as { reasonId?: string } | undefined)?.reasonId;
      return c.json(await makeUnavailable(ctx, c.get('user'), c.req.valid('param').id, reasonId), 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/agents/{id}/sign-out',
      summary:
        'Sign an agent out everywhere: her sessions end (her panel asks her to sign in again) and she becomes Unavailable. Audited',
      request: { params: idParam },
      responses: {
        200: jsonContent(agentStatusSchema.extend({ sessionsEnded: z.number() }), 'Her new state'),
        ...denied,
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await signOutAgent(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  return app;
}
