import { hc } from 'hono/client';
import type { AgentApi } from '../../mock-platform/src/routes/agent/index.ts';
import type { FetchLike } from './api-client.ts';
import type { Session } from './storage.ts';

/**
 * The agent API's typed client, built from the platform's own routes (`hc<AgentApi>`): a path,
 * parameter or body the platform does not declare fails the typecheck. Only the type crosses
 * over from `mock-platform/`; at run time this is Hono's small client (a proxy that builds URLs).
 */
export function agentClient(session: Pick<Session, 'platformUrl' | 'token'>, fetch?: FetchLike) {
  return hc<AgentApi>(`${session.platformUrl.replace(/\/+$/, '')}/api`, {
    headers: { authorization: `Bearer ${session.token}` },
    ...(fetch ? { fetch: (input: RequestInfo | URL, init?: RequestInit) => fetch(String(input), init) } : {}),
  });
}

export type AgentClient = ReturnType<typeof agentClient>;

/**
 * Path parameters, each encoded: Hono's client puts them into the path as they are, so an id
 * holding `/`, `?` or `#` would otherwise reach another route. The platform decodes them.
 */
export function pathParams<P extends Record<string, string>>(params: P): P {
  return Object.fromEntries(Object.entries(params).map(([name, value]) => [name, encodeURIComponent(value)])) as P;
}
