import { getConnInfo } from '@hono/node-server/conninfo';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  apiErrorSchema,
  loginRequestSchema,
  loginResponseSchema,
  resumeRequestSchema,
} from '../../../shared/api/schemas.ts';
import { formatRetry, LoginLimiter } from '../auth/login-limiter.ts';
import { PasswordPoolBusy } from '../auth/password-pool.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Issued, Sessions } from '../auth/sessions.ts';
import { ApiError } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import { signOutAgent } from '../platform/agents.ts';
import type { PlatformContext } from '../platform/context.ts';
import type { User } from '../platform/records.ts';

// A fixed hash to compare against when the user does not exist, so that the answer takes as long
// as for a wrong password and does not reveal which usernames exist.
const DUMMY_HASH = 'scrypt$32768$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** Failed sign-ins from one address, across usernames, before that address is slowed down. */
const FREE_FAILURES_PER_ADDRESS = 20;

/** What a sign-in, a refresh or a resume answers. */
function signedIn(user: User, issued: Issued) {
  return {
    ...issued,
    user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
  };
}

/** The caller's address on a real socket; requests built in memory (tests) share one key. */
function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'in-process';
  }
}

export function authRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = router<AuthEnv>();
  // Per username and address (guessing one account's password) and per address (trying many
  // accounts). Both slow down (1 s, doubling up to 15 min) instead of locking out.
  const limiter = new LoginLimiter(ctx.clock);
  const byAddress = new LoginLimiter(ctx.clock, { freeFailures: FREE_FAILURES_PER_ADDRESS });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      tags: ['Auth'],
      summary: 'Sign in with username and password; returns a bearer token',
      request: { body: jsonBody(loginRequestSchema) },
      responses: {
        200: jsonContent(loginResponseSchema, 'Signed in'),
        400: errorResponses[400],
        401: errorResponses[401],
        429: jsonContent(
          apiErrorSchema,
          'Too many failed sign-ins for this username from this address, or from this address, so the next attempt must wait (1 s, doubling with each failure up to 15 min); or too many sign-ins being checked at once. Retry-After says when to try again',
        ),
      },
    }),
    async (c) => {
      const { username, password, staySignedIn } = c.req.valid('json');
      const address = clientAddress(c);
      // Per username *and* address: guessing from one place slows that place down, and nobody
      // can lock an administrator out from elsewhere.
      const key = `${username.toLowerCase()}\u0000${address}`;
      const waitAddress = byAddress.retryAfter(address);
      if (waitAddress > 0) {
        c.header('retry-after', String(Math.ceil(waitAddress / 1000)));
        throw new ApiError(
          429,
          'too_many_attempts',
          `Too many failed sign-ins from your address: try again in ${formatRetry(waitAddress)}`,
        );
      }
      const wait = limiter.retryAfter(key);
      if (wait > 0) {
        c.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new ApiError(
          429,
          'too_many_attempts',
          `Too many failed sign-ins for ${username}: try again in ${formatRetry(wait)}`,
        );
      }
      // The attempt counts before the password is hashed, so concurrent guesses cannot all be tried.
      limiter.failed(key);
      byAddress.failed(address);
      const user = ctx.store.where('users', 'username', username.toLowerCase())[0];
      let ok: boolean;
      try {
        ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      } catch (error) {
        if (error instanceof PasswordPoolBusy) {
          // Not tried: it does not count against anyone.
          limiter.forgive(key);
          byAddress.forgive(address);
          c.header('retry-after', '1');
        }
        throw error;
      }
      if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
      limiter.succeeded(key);
      byAddress.forgive(address);
      return c.json(signedIn(user, await sessions.create(user, { staySignedIn: staySignedIn === true })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/resume',
      tags: ['Auth'],
      summary:
        'Exchange the refresh credential of a "stay signed in" sign-in for a new session and a new credential (the old one and its sessions are revoked)',
      request: { body: jsonBody(resumeRequestSchema) },
      responses: {
        200: jsonContent(loginResponseSchema, 'Signed in again'),
        400: errorResponses[400],
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const resumed = await sessions.resume(c.req.valid('json').refreshToken);
      if (!resumed)
        throw new ApiError(401, 'session_expired', 'Your sign-in has expired or was revoked: sign in again');
      return c.json(signedIn(resumed.user, resumed.issued), 200);
    },
  );
  app.use('/logout', requireUser({ sessions }));
  app.use('/logout-all', requireUser({ sessions }));
  app.use('/refresh', requireUser({ sessions }));
  app.openapi(
    createRoute({
      method: 'post',
      path: '/refresh',
      tags: ['Auth'],
      summary: 'Exchange a valid token for a fresh one (the old one is revoked)',
      security: bearerSecurity,
      responses: { 200: jsonContent(loginResponseSchema, 'A new token'), 401: errorResponses[401] },
    }),
    async (c) => {
      const user = c.get('user');
      return c.json(signedIn(user, await sessions.renew(c.get('token'), user)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout-all',
      tags: ['Auth'],
      summary: 'Revoke every session of the signed-in user, on every device',
      security: bearerSecurity,
      responses: {
        200: jsonContent(z.object({ revoked: z.number() }), 'Signed out everywhere'),
        401: errorResponses[401],
      },
    }),
    async (c) => {
      const revoked = await sessions.revokeAll(c.get('user').id);
      await signOutAgent(ctx, c.get('user'));
      return c.json({ revoked }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['Auth'],
      summary: 'Revoke the current token (and the refresh credential it was opened with)',
      security: bearerSecurity,
      responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Signed out'), 401: errorResponses[401] },
    }),
    async (c) => {
      await sessions.revoke(c.get('token'));
      await signOutAgent(ctx, c.get('user'));
      return c.json({ ok: true as const }, 200);
    },
  );
  return app;
}
