import { createMiddleware } from 'hono/factory';
import { ApiError } from '../http/errors.ts';
import type { User } from '../platform/records.ts';
import type { Sessions } from './sessions.ts';

export type AuthEnv = { Variables: { user: User; token: string } };

/** Middleware: a valid bearer token is required; `roles` narrows who may pass. */
export function requireUser({ sessions, roles }: { sessions: Sessions; roles?: User['role'][] }) {
  return createMiddleware<AuthEnv>(async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new ApiError(401, 'unauthenticated', 'Sign in first: an Authorization: Bearer token is required');
    const user = sessions.authenticate(match[1]);
    if (!user) throw new ApiError(401, 'session_expired', 'Your session has expired or was revoked: sign in again');
    if (roles && !roles.includes(user.role)) {
      throw new ApiError(403, 'forbidden', `This needs the ${roles.join(' or ')} role`);
    }
    c.set('user', user);
    c.set('token', match[1]);
    await next();
  });
}
