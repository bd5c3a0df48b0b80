import { createRoute, z } from '@hono/zod-openapi';
import { apiErrorSchema, loginRequestSchema, loginResponseSchema } from '../../../shared/api/schemas.ts';
import { LoginLimiter } from '../auth/login-limiter.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { ApiError } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { PlatformContext } from '../platform/context.ts';

// A fixed hash to compare against when the user does not exist, so that the answer takes as long
// as for a wrong password and does not reveal which usernames exist.
const DUMMY_HASH = 'scrypt$32768$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export function authRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = router<AuthEnv>();
  const limiter = new LoginLimiter(ctx.clock);
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
          'Too many failed sign-ins for this username (Retry-After says when to try again)',
        ),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const key = username.toLowerCase();
      const wait = limiter.retryAfter(key);
      if (wait > 0) {
        c.header('retry-after', String(Math.ceil(wait / 1000)));
        throw new ApiError(
          429,
          'too_many_attempts',
          `Too many failed sign-ins for ${username}: try again in ${Math.ceil(wait / 60_000)} min`,
        );
      }
      const user = ctx.store.where('users', 'username', key)[0];
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) {
        limiter.failed(key);
        throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
      }
      limiter.succeeded(key);
      const { token, expiresAt } = await sessions.create(user);
      return c.json(
        {
          token,
          expiresAt,
          user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
        },
        200,
      );
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
      const { token, expiresAt } = await sessions.create(user);
      await sessions.revoke(c.get('token'));
      return c.json(
        {
          token,
          expiresAt,
          user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role },
        },
        200,
      );
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
    async (c) => c.json({ revoked: await sessions.revokeAll(c.get('user').id) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      tags: ['Auth'],
      summary: 'Revoke the current token',
      security: bearerSecurity,
      responses: { 200: jsonContent(z.object({ ok: z.literal(true) }), 'Signed out'), 401: errorResponses[401] },
    }),
    async (c) => {
      await sessions.revoke(c.get('token'));
      return c.json({ ok: true as const }, 200);
    },
  );
  return app;
}
