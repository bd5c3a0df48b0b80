import { createRoute, z } from '@hono/zod-openapi';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { PlatformContext } from '../platform/context.ts';
import { put } from '../platform/records.ts';

const settingsViewSchema = z.object({ maskSensitiveData: z.boolean() });
const settingsUpdateSchema = z.object({ maskSensitiveData: z.boolean() }).strict();

/** Administrator-only configuration (the admin web UI builds on these routes). */
export function adminRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = router<AuthEnv>();
  app.use('*', requireUser({ sessions, roles: ['admin'] }));
  const base = { tags: ['Administration'], security: bearerSecurity };
  const current = () => ({ maskSensitiveData: ctx.store.get('settings', 'tenant')?.maskSensitiveData ?? false });

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/settings',
      summary: 'Tenant settings',
      responses: {
        200: jsonContent(settingsViewSchema, 'Settings'),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    (c) => c.json(current(), 200),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'put',
      path: '/settings',
      summary: 'Change tenant settings, such as "mask sensitive customer data" (applies at once)',
      request: { body: jsonBody(settingsUpdateSchema) },
      responses: {
        200: jsonContent(settingsViewSchema, 'Saved'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const { maskSensitiveData } = c.req.valid('json');
      await ctx.serial.run(() => ctx.store.commit([put('settings', { id: 'tenant', maskSensitiveData })]));
      return c.json(current(), 200);
    },
  );
  return app;
}
