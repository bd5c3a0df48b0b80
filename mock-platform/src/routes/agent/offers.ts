import { z } from '@hono/zod-openapi';
import { conversationViewSchema, offerViewSchema } from '../../../../shared/api/schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { errorResponses, jsonContent } from '../../http/openapi.ts';
import { acceptOffer, pendingOfferViews, rejectOffer } from '../../platform/agents.ts';
import type { PlatformContext } from '../../platform/context.ts';
import { agentRoute, agentRouter, idParam } from './agent-router.ts';

/** `/api/agent/offers`: the offers waiting for this agent. */
export function pendingOfferRoutes(ctx: PlatformContext, sessions: Sessions) {
  return agentRouter(sessions).openapi(
    agentRoute({
      method: 'get',
      path: '/',
      summary: 'Offers waiting for this agent to accept',
      responses: { 200: jsonContent(z.array(offerViewSchema), 'Pending offers') },
    }),
    (c) => c.json(pendingOfferViews(ctx, c.get('user')), 200),
  );
}

/** `/api/offers/{id}/…`: accepting or rejecting one offer. */
export function offerRoutes(ctx: PlatformContext, sessions: Sessions) {
  const refusals = { 404: errorResponses[404], 409: errorResponses[409] };
  return agentRouter(sessions)
    .openapi(
      agentRoute({
        method: 'post',
        path: '/{id}/accept',
        summary: 'Accept an offer: the conversation becomes the agent’s',
        request: { params: idParam },
        responses: { 200: jsonContent(conversationViewSchema, 'The accepted conversation'), ...refusals },
      }),
      async (c) => c.json(await acceptOffer(ctx, c.get('user'), c.req.valid('param').id), 200),
    )
    .openapi(
      agentRoute({
        method: 'post',
        path: '/{id}/reject',
        summary: 'Reject an offer (where the queue allows it): it goes to another agent',
        request: { params: idParam },
        responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Rejected'), ...refusals },
      }),
      async (c) => {
        await rejectOffer(ctx, c.get('user'), c.req.valid('param').id);
        return c.json({ ok: true as const }, 200);
      },
    );
}
