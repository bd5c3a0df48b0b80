import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import {
  type AgentEventName,
  type AgentEvents,
  agentChannelSchema,
  agentStatusSchema,
  closureReasonViewSchema,
  conferenceRequestSchema,
  conversationViewSchema,
  customComponentViewSchema,
  endConversationRequestSchema,
  historyEntrySchema,
  messageViewSchema,
  offerViewSchema,
  replyRequestSchema,
  richMessageViewSchema,
  sendRichMessageRequestSchema,
  sendTemplateRequestSchema,
  setAgentStateRequestSchema,
  startConversationRequestSchema,
  templateViewSchema,
  transferRequestSchema,
  transferTargetsSchema,
  unavailableReasonViewSchema,
  userViewSchema,
  wrapUpRequestSchema,
  wrapUpViewSchema,
} from '../../../shared/api/schemas.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import { type Sessions, sessionIdOf } from '../auth/sessions.ts';
import type { ComponentTokens } from '../components/component-token.ts';
import { componentFor, componentUrl } from '../components/custom-component.ts';
import { type CloseReason, MAX_QUEUED_EVENTS, shownToAgent } from '../events/agent-streams.ts';
import { ApiError } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import {
  acceptOffer,
  agentStatus,
  endConversation,
  pendingOffers,
  rejectOffer,
  setAgentState,
} from '../platform/agents.ts';
import { inviteToConference, stopConference } from '../platform/conference.ts';
import { agentTopic, type PlatformContext } from '../platform/context.ts';
import { interactionHistory } from '../platform/history.ts';
import { maskerFor } from '../platform/masking.ts';
import { startConversation } from '../platform/outbound.ts';
import { activeConversations, agentConversation, workableConversation } from '../platform/participants.ts';
import { channelPermissionsOf } from '../platform/permissions.ts';
import { reply, retryReply, richMessagesFor, sendRichMessage, transcript } from '../platform/replies.ts';
import { channelTemplates, sendSurvey, sendTemplate, templatesFor } from '../platform/templates.ts';
import { completeWrapUp, pendingWrapUps, transfer, transferTargets } from '../platform/transfers.ts';
import { checkChosenReason, unavailableReasons } from '../platform/unavailable-reasons.ts';
import { conversationView, offerView } from '../platform/views.ts';

const idParam = z.object({ id: z.string().min(1).max(200) });
const KEEP_ALIVE_MS = 15_000;
/** What @hono/node-server passes as `c.env` on a real socket (absent when tests call the app in memory). */
type NodeBindings = { outgoing?: { destroy(): void } };

/** The agent's side of the platform: state, offers, conversations and the live event stream. */
export function agentRoutes(ctx: PlatformContext, sessions: Sessions, componentTokens: ComponentTokens) {
  const app = router<AuthEnv>();
  // Mounted under /api beside other routers: guard only this router's own paths.
  const agentOnly = requireUser({ sessions, roles: ['agent'] });
  const guarded = [
    '/channels',
    '/channels/*',
    '/outbound',
    '/history',
    '/me',
    '/agent/*',
    '/offers/*',
    '/conversations',
    '/conversations/*',
    '/closure-reasons',
    '/unavailable-reasons',
    '/transfer-targets',
    '/wrap-ups',
    '/wrap-ups/*',
  ];
  for (const path of guarded) {
    app.use(path, agentOnly);
  }
  const base = { tags: ['Agent'], security: bearerSecurity };

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/me',
      summary: 'The signed-in agent and their state',
      responses: {
        200: jsonContent(z.object({ user: userViewSchema, status: agentStatusSchema }), 'The agent'),
        401: errorResponses[401],
      },
    }),
    (c) => {
      const user = c.get('user');
      return c.json(
        {
          user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
          status: agentStatus(ctx, user),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'put',
      path: '/agent/state',
      summary: 'Become Available (receive offers) or Unavailable, optionally with a reason',
      request: { body: jsonBody(setAgentStateRequestSchema) },
      responses: {
        200: jsonContent(agentStatusSchema, 'The new state'),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const { state, reasonId } = c.req.valid('json');
      // Only an administrator's reason: the system ones ("disconnected") are the platform's to set.
      checkChosenReason(ctx, reasonId, state);
      return c.json(await setAgentState(ctx, c.get('user'), state, reasonId), 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/unavailable-reasons',
      summary: 'Reasons to be Unavailable (Break, Lunch…), in English and Spanish',
      responses: {
        200: jsonContent(z.array(unavailableReasonViewSchema), 'Unavailable reasons'),
        401: errorResponses[401],
      },
    }),
    (c) => c.json(unavailableReasons(ctx), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/agent/offers',
      summary: 'Offers waiting for this agent to accept',
      responses: { 200: jsonContent(z.array(offerViewSchema), 'Pending offers'), 401: errorResponses[401] },
    }),
    (c) => c.json(offersOf(c.get('user')), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/offers/{id}/accept',
      summary: 'Accept an offer: the conversation becomes the agent’s',
      request: { params: idParam },
      responses: {
        200: jsonContent(conversationViewSchema, 'The accepted conversation'),
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await acceptOffer(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/offers/{id}/reject',
      summary: 'Reject an offer (where the queue allows it): it goes to another agent',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.object({ ok: z.literal(true) }), 'Rejected'),
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      await rejectOffer(ctx, c.get('user'), c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/closure-reasons',
      summary: 'Closure reasons to end a conversation with',
      responses: { 200: jsonContent(z.array(closureReasonViewSchema), 'Closure reasons'), 401: errorResponses[401] },
    }),
    (c) =>
      c.json(
        ctx.store
          .all('closureReasons')
          .map(({ id, name }) => ({ id, name }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/end',
      summary: 'End the conversation with a closure reason (wrap-up)',
      request: { params: idParam, body: jsonBody(endConversationRequestSchema) },
      responses: {
        200: jsonContent(conversationViewSchema, 'Ended'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
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
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/transfer-targets',
      summary: 'Queues and agents a conversation can be transferred to (refresh at will)',
      responses: { 200: jsonContent(transferTargetsSchema, 'Targets'), 401: errorResponses[401] },
    }),
    (c) => c.json(transferTargets(ctx, c.get('user')), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/transfer',
      summary: 'Transfer to a queue or an available agent; the agent then owes a wrap-up',
      description:
        'The receiving side must accept; if it rejects or lets the offer expire, the transfer is abandoned and the conversation returns to its queue.',
      request: { params: idParam, body: jsonBody(transferRequestSchema) },
      responses: {
        200: jsonContent(wrapUpViewSchema, 'Transferred: the wrap-up the agent owes'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await transfer(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/conference',
      summary: 'Invite an available agent, or the best available agent of a queue, to join (conference requested)',
      request: { params: idParam, body: jsonBody(conferenceRequestSchema) },
      responses: {
        200: jsonContent(conversationViewSchema, 'Requested'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const user = c.get('user');
      const { id } = c.req.valid('param');
      await inviteToConference(ctx, user, id, c.req.valid('json'));
      return c.json(conversationView(ctx, agentConversation(ctx, user, id), user.id), 200);
    },
  );

  for (const [how, summary] of [
    ['leave', 'The invited agent leaves the conference; the conversation continues with the owner'],
    ['end', 'The owner ends the conference; the invited agent leaves'],
  ] as const) {
    app.openapi(
      createRoute({
        ...base,
        method: 'post',
        path: `/conversations/{id}/conference/${how}`,
        summary,
        request: { params: idParam },
        responses: {
          200: jsonContent(z.object({ ok: z.literal(true) }), 'Done'),
          401: errorResponses[401],
          403: errorResponses[403],
          404: errorResponses[404],
          409: errorResponses[409],
        },
      }),
      async (c) => {
        await stopConference(ctx, c.get('user'), c.req.valid('param').id, how);
        return c.json({ ok: true as const }, 200);
      },
    );
  }

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}/templates',
      summary: 'Approved templates of the conversation’s WhatsApp Business account, with their variables',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.array(templateViewSchema), 'Templates'),
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await templatesFor(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/channels',
      summary: 'The channels where the agent may start conversations (their role grants Send templates)',
      responses: { 200: jsonContent(z.array(agentChannelSchema), 'Channels'), 401: errorResponses[401] },
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
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/channels/{id}/templates',
      summary: 'Approved templates of a channel’s WhatsApp Business account, to start a conversation with',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.array(templateViewSchema), 'Templates'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => c.json(await channelTemplates(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/outbound',
      summary: 'Start a WhatsApp conversation with an approved template (BY-2); WhatsApp enforces consent',
      request: { body: jsonBody(startConversationRequestSchema) },
      responses: {
        201: jsonContent(conversationViewSchema, 'Started'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await startConversation(ctx, c.get('user'), c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}/media/{mediaId}',
      summary: 'A photo the customer sent in the conversation, fetched from WhatsApp',
      request: { params: z.object({ id: z.string().min(1).max(200), mediaId: z.string().min(1).max(64) }) },
      responses: {
        200: { description: 'The image bytes', content: { 'image/*': { schema: z.string() } } },
        401: errorResponses[401],
        404: errorResponses[404],
      },
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
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}/rich-messages',
      summary:
        'Rich messages assigned to the conversation’s channel (quick replies, links, list and time-slot pickers)',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.array(richMessageViewSchema), 'Rich messages'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    (c) => c.json(richMessagesFor(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/rich-message',
      summary:
        'Send a rich message assigned to the channel (inside the 24-hour window); the customer’s choice comes back as a message',
      request: { params: idParam, body: jsonBody(sendRichMessageRequestSchema) },
      responses: {
        201: jsonContent(messageViewSchema, 'Sent'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) =>
      c.json(
        await sendRichMessage(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json').richMessageId),
        201,
      ),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}/component',
      summary:
        'The custom component (template picker) for the conversation’s channel: its URL with %s replaced and a short-lived token, and its height (TP-6)',
      request: { params: idParam },
      responses: {
        200: jsonContent(customComponentViewSchema, 'The component to load'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    (c) => {
      const user = c.get('user');
      const conversation = workableConversation(ctx, user, c.req.valid('param').id, 'templates');
      const component = componentFor(ctx.store, conversation.channelId);
      if (!component) {
        const channel = ctx.store.get('channels', conversation.channelId)?.name ?? conversation.channelId;
        throw new ApiError(
          404,
          'no_custom_component',
          `Templates are unavailable: no custom component is set up for the channel ${channel}. An administrator adds one in Digital settings → Custom components.`,
        );
      }
      const { token, expiresAt } = componentTokens.issue(user.id, sessionIdOf(c.get('token')), conversation.id);
      return c.json(
        {
          name: component.name,
          url: `${componentUrl(component.url, conversation.id)}#token=${encodeURIComponent(token)}`,
          height: component.height,
          expiresAt,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/template',
      summary: 'Send an approved template (also outside the 24-hour window)',
      request: { params: idParam, body: jsonBody(sendTemplateRequestSchema) },
      responses: {
        201: jsonContent(messageViewSchema, 'Sent'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => c.json(await sendTemplate(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json')), 201),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/history',
      summary: 'The agent’s interaction history: finished conversations, newest first (searchable)',
      request: { query: z.object({ search: z.string().max(200).optional() }) },
      responses: {
        200: jsonContent(z.array(historyEntrySchema), 'History'),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => c.json(await interactionHistory(ctx, c.get('user'), c.req.valid('query').search), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/wrap-ups',
      summary: 'Wrap-ups this agent still owes',
      responses: { 200: jsonContent(z.array(wrapUpViewSchema), 'Pending wrap-ups'), 401: errorResponses[401] },
    }),
    (c) => c.json(pendingWrapUps(ctx, c.get('user')), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/wrap-ups/{id}',
      summary: 'Complete a wrap-up with a closure reason',
      request: { params: idParam, body: jsonBody(wrapUpRequestSchema) },
      responses: {
        200: jsonContent(z.object({ ok: z.literal(true) }), 'Done'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      await completeWrapUp(ctx, c.get('user'), c.req.valid('param').id, c.req.valid('json'));
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations',
      summary: 'The conversations this agent is working on',
      responses: {
        200: jsonContent(z.array(conversationViewSchema), 'Active conversations'),
        401: errorResponses[401],
      },
    }),
    (c) =>
      c.json(
        activeConversations(ctx, c.get('user').id).map((conv) => conversationView(ctx, conv, c.get('user').id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}',
      summary: 'One of this agent’s conversations',
      request: { params: idParam },
      responses: {
        200: jsonContent(conversationViewSchema, 'The conversation'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    (c) => {
      const user = c.get('user');
      return c.json(conversationView(ctx, agentConversation(ctx, user, c.req.valid('param').id), user.id), 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/conversations/{id}/messages',
      summary: 'The transcript, oldest first',
      request: { params: idParam },
      responses: {
        200: jsonContent(z.array(messageViewSchema), 'Messages'),
        401: errorResponses[401],
        404: errorResponses[404],
      },
    }),
    (c) => c.json(transcript(ctx, c.get('user'), c.req.valid('param').id), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/messages',
      summary:
        'Reply to the customer (free-form text, inside the 24-hour window), optionally quoting one of their messages',
      description:
        'The reply is stored (status `sending`) before the Cloud API is called, then gets its wamid. When WhatsApp refuses it (502 `whatsapp_refused`) or cannot be reached in time (502 `whatsapp_unreachable`: it may have been sent), the reply stays in the transcript as `failed` with `errorCode` or `uncertain`, and can be retried.',
      request: { params: idParam, body: jsonBody(replyRequestSchema) },
      responses: {
        201: jsonContent(messageViewSchema, 'Sent to WhatsApp and stored'),
        400: errorResponses[400],
        401: errorResponses[401],
        404: errorResponses[404],
        409: errorResponses[409],
        502: jsonContent(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          'WhatsApp refused it, or could not be reached (the reply is stored as failed)',
        ),
      },
    }),
    async (c) => {
      const { text, replyToMessageId } = c.req.valid('json');
      return c.json(await reply(ctx, c.get('user'), c.req.valid('param').id, text, replyToMessageId), 201);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/conversations/{id}/messages/{messageId}/retry',
      summary: 'Send a failed reply again (as a new message; the failed one is marked retried)',
      description:
        'Needs Reply on the channel and the 24-hour window open, like replying. Only a failed text or rich-message reply that was not retried yet (`retryable` in its view); else 409 `not_retryable`.',
      request: { params: z.object({ id: z.string().min(1).max(200), messageId: z.string().min(1).max(200) }) },
      responses: {
        201: jsonContent(messageViewSchema, 'Sent to WhatsApp and stored'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
        409: errorResponses[409],
        502: jsonContent(
          z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
          'WhatsApp refused it, or could not be reached (the new attempt is stored as failed)',
        ),
      },
    }),
    async (c) => {
      const { id, messageId } = c.req.valid('param');
      return c.json(await retryReply(ctx, c.get('user'), id, messageId), 201);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/agent/events',
      summary: 'Server-sent events: state, offers, conversation updates and messages for this agent',
      description:
        'On connect the stream sends `hello`, the current `agent.state`, every pending `offer`, every active conversation as `conversation.updated` and every pending `wrapup`, then live events, each with an `id`. Reconnecting with `Last-Event-ID` (header, or `lastEventId` query) replays the events missed since; when they cannot be known the stream sends `resync`.',
      responses: {
        200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
        401: errorResponses[401],
      },
    }),
    (c) => {
      const user = c.get('user');
      const sessionId = sessionIdOf(c.get('token'));
      return streamSSE(c, async (stream) => {
        const closed = new AbortController();
        const queue: [AgentEventName, unknown, string | undefined][] = [];
        let wake: (() => void) | undefined;
        // While this stream is open the agent counts as present (platform/presence.ts).
        const gone = ctx.presence.opened(user.id);
        const end = () => {
          gone();
          closed.abort();
          wake?.();
        };
        // Closed by the platform: revoked access, too many streams, or a client that stopped
        // reading. Aborting also frees a write stuck on a full socket.
        const finish = (reason: CloseReason) => {
          end();
          stream.abort();
          if (reason === 'client_too_slow') (c.env as NodeBindings | undefined)?.outgoing?.destroy();
        };
        const unregister = ctx.streams.open(user, sessionId, finish);
        const send = <K extends AgentEventName>(event: K, data: AgentEvents[K], id?: string) => {
          if (closed.signal.aborted) return;
          const shown = shownToAgent(ctx.store, user.id, event, data);
          if (!shown) return;
          if (queue.length >= MAX_QUEUED_EVENTS) {
            unregister();
            finish('client_too_slow');
            return;
          }
          queue.push([shown[0], shown[1], id]);
          wake?.();
        };
        stream.onAbort(end);
        const topic = agentTopic(user.id);
        ctx.events.subscribe(topic, send, closed.signal);
        // The current state first, then (on a reconnect) whatever happened while disconnected.
        send('hello', { agentId: user.id });
        send('agent.state', agentStatus(ctx, user));
        for (const offer of offersOf(user)) send('offer', offer);
        for (const conv of activeConversations(ctx, user.id))
          send('conversation.updated', conversationView(ctx, conv, user.id));
        for (const wrapUp of pendingWrapUps(ctx, user)) send('wrapup', wrapUp);
        const lastEventId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
        if (lastEventId) {
          const missed = ctx.events.since(topic, lastEventId);
          // Events from before masking was turned on or off hold values in the old form: they are
          // not replayed; the panel reloads instead (AG-7).
          const changed = missed ? missed.map((delivered) => delivered.event).lastIndexOf('masking.changed') : -1;
          if (!missed || changed >= 0) send('resync', {});
          for (const delivered of missed?.slice(Math.max(0, changed)) ?? []) {
            send(delivered.event, delivered.data, delivered.id);
          }
        }
        const keepAlive = setInterval(() => {
          void stream.write(': keep-alive\n\n');
        }, KEEP_ALIVE_MS);
        try {
          while (!closed.signal.aborted) {
            const next = queue.shift();
            if (next) {
              await stream.writeSSE({
                event: next[0],
                data: JSON.stringify(next[1]),
                ...(next[2] ? { id: next[2] } : {}),
              });
              continue;
            }
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
          }
        } finally {
          clearInterval(keepAlive);
          unregister();
          closed.abort();
          gone();
        }
      });
    },
  );

  function offersOf(user: Parameters<typeof pendingOffers>[1]) {
    return pendingOffers(ctx, user).flatMap((offer) => {
      const conversation = ctx.store.get('conversations', offer.conversationId);
      return conversation ? [offerView(ctx, offer, conversation)] : [];
    });
  }

  return app;
}
