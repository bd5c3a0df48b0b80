import { createRoute, type RouteConfig, z } from '@hono/zod-openapi';
import { apiErrorSchema } from '../../../../shared/api/schemas.ts';
import { type AuthEnv, requireUser } from '../../auth/require-user.ts';
import type { Sessions } from '../../auth/sessions.ts';
import { bearerSecurity, errorResponses, jsonContent, router } from '../../http/openapi.ts';

export const idParam = z.object({ id: z.string().min(1).max(200) });

/**
 * The router of one agent resource: every path under the prefix it is mounted at needs an agent's
 * session, so a route added to it cannot be public by omission (no list of guarded paths to keep).
 */
export function agentRouter(sessions: Sessions) {
  const app = router<AuthEnv>();
  app.use('*', requireUser({ sessions, roles: ['agent'] }));
  return app;
}

/**
 * A part of a guarded router: mounted only inside one made by `agentRouter` (the conversation
 * routes share `/api/conversations` and its one guard).
 */
export function agentRouterPart() {
  return router<AuthEnv>();
}

type AgentRouteConfig = Omit<RouteConfig, 'tags' | 'security'>;

/** An agent operation: in the Agent tag, secured by the session, and documenting its 401 like every one. */
export function agentRoute<P extends string, R extends AgentRouteConfig & { path: P }>(route: R) {
  return createRoute({
    ...route,
    tags: ['Agent'],
    security: bearerSecurity,
    responses: { ...route.responses, 401: errorResponses[401] },
  });
}

/** A route's `request` with the conversation's `{id}` parameter, unless it declares its own parameters. */
type WithConversationId<Q> = Q extends { params: unknown }
  ? Q
  : (Q extends object ? Q : unknown) & { params: typeof idParam };

/** An operation on one of the agent's conversations (`{id}`), which answers 404 when it is not hers. */
export function conversationRoute<P extends string, R extends AgentRouteConfig & { path: P }>(route: R) {
  // TypeScript cannot follow a spread of an optional generic member: the type says what it builds.
  const request = { params: idParam, ...route.request } as WithConversationId<R['request']>;
  return agentRoute({ ...route, request, responses: { ...route.responses, 404: errorResponses[404] } });
}

/** What a send answers when WhatsApp refuses it or cannot be reached. */
export const whatsappFailed = (description: string) => jsonContent(apiErrorSchema, description);
