import { z } from '@hono/zod-openapi';
import { type SSEMessage, streamSSE } from 'hono/streaming';
import type { AgentEventName, AgentEvents } from '../../../../shared/api/schemas.ts';
import { type Sessions, sessionIdOf } from '../../auth/sessions.ts';
import { type CloseReason, MAX_QUEUED_EVENTS, shownToAgent } from '../../events/agent-streams.ts';
import { sseLoop } from '../../http/sse-stream.ts';
import { agentStatus, pendingOfferViews } from '../../platform/agents.ts';
import { agentTopic, type PlatformContext } from '../../platform/context.ts';
import { activeConversations } from '../../platform/participants.ts';
import { pendingWrapUps } from '../../platform/transfers.ts';
import { conversationView } from '../../platform/views.ts';
import { agentRoute, agentRouter } from './agent-router.ts';

/** What @hono/node-server passes as `c.env` on a real socket (absent when tests call the app in memory). */
type NodeBindings = { outgoing?: { destroy(): void } };

/** `/api/agent/events`: the agent's live event stream. */
export function eventRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary: 'Server-sent events: state, offers, conversation updates and messages for this agent',
      description:
        'On connect the stream sends `hello`, the current `agent.state`, every pending `offer`, every active conversation as `conversation.updated` and every pending `wrapup`, then live events, each with an `id`. Reconnecting with `Last-Event-ID` (header, or `lastEventId` query) replays the events missed since; when they cannot be known the stream sends `resync`.',
      responses: {
        200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: z.string() } } },
      },
    }),
    (c) => {
      const user = c.get('user');
      const sessionId = sessionIdOf(c.get('token'));
      return streamSSE(c, async (stream) => {
        const loop = sseLoop(stream);
        const queue: SSEMessage[] = [];
        // While this stream is open the agent counts as present (platform/presence.ts).
        loop.signal.addEventListener('abort', ctx.presence.opened(user.id), { once: true });
        // Closed by the platform: revoked access, too many streams, or a client that stopped
        // reading. Aborting also frees a write stuck on a full socket.
        const finish = (reason: CloseReason) => {
          loop.close();
          stream.abort();
          if (reason === 'client_too_slow') (c.env as NodeBindings | undefined)?.outgoing?.destroy();
        };
        const unregister = ctx.streams.open(user, sessionId, finish);
        const send = <K extends AgentEventName>(event: K, data: AgentEvents[K], id?: string) => {
          if (loop.signal.aborted) return;
          const shown = shownToAgent(ctx.store, user.id, event, data);
          if (!shown) return;
          if (queue.length >= MAX_QUEUED_EVENTS) {
            unregister();
            finish('client_too_slow');
            return;
          }
          queue.push({ event: shown[0], data: JSON.stringify(shown[1]), ...(id ? { id } : {}) });
          loop.wake();
        };
        const topic = agentTopic(user.id);
        ctx.events.subscribe(topic, send, loop.signal);
        // The current state first, then (on a reconnect) whatever happened while disconnected.
        send('hello', { agentId: user.id });
        send('agent.state', agentStatus(ctx, user));
        for (const offer of pendingOfferViews(ctx, user)) send('offer', offer);
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
        try {
          await loop.run(() => queue.shift());
        } finally {
          unregister();
        }
      });
    },
  );
}
