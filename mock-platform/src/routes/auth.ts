import { createRoute, z } from '@hono/zod-openapi';
import { loginRequestSchema, loginResponseSchema } from '../../../shared/api/schemas.ts';
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
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json');
      const user = ctx.store.where('users', 'username', username.toLowerCase())[0];
      const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
      if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'Wrong username or password');
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
