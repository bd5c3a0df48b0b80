import { createRoute, z } from '@hono/zod-openapi';
import { businessHoursSchema } from '../../../shared/sla/business-hours.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { PlatformContext } from '../platform/context.ts';
import { deleteChannel } from '../platform/deletions.ts';
import { put, slaPolicySchema } from '../platform/records.ts';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA } from '../platform/sla.ts';

const settingsViewSchema = z.object({
  maskSensitiveData: z.boolean(),
  sla: slaPolicySchema,
  businessHours: businessHoursSchema,
});
/** Any subset of the settings; what is absent stays as it is. */
const settingsUpdateSchema = settingsViewSchema.partial().strict();

/** Administrator-only configuration (the admin web UI builds on these routes). */
export function adminRoutes(ctx: PlatformContext, sessions: Sessions) {
  const app = router<AuthEnv>();
  app.use('*', requireUser({ sessions, roles: ['admin'] }));
  const base = { tags: ['Administration'], security: bearerSecurity };
  const current = () => {
    const settings = ctx.store.get('settings', 'tenant');
    return {
      maskSensitiveData: settings?.maskSensitiveData ?? false,
      sla: settings?.sla ?? DEFAULT_SLA,
      businessHours: settings?.businessHours ?? DEFAULT_BUSINESS_HOURS,
    };
  };

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
      summary: 'Change tenant settings (masking, global SLA, business hours); applies at once',
      request: { body: jsonBody(settingsUpdateSchema) },
      responses: {
        200: jsonContent(settingsViewSchema, 'Saved'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const changes = c.req.valid('json');
      await ctx.serial.run(() => {
        const stored = ctx.store.get('settings', 'tenant') ?? { id: 'tenant' as const, maskSensitiveData: false };
        return ctx.store.commit([put('settings', { ...stored, ...changes })]);
      });
      return c.json(current(), 200);
    },
  );
  app.openapi(
    createRoute({
      ...base,
      method: 'delete',
      path: '/channels/{id}',
      summary: 'Delete a WhatsApp channel: its conversations are interrupted (agents can only end them)',
      request: { params: z.object({ id: z.string().min(1) }) },
      responses: {
        200: jsonContent(z.object({ ok: z.literal(true) }), 'Deleted'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      await deleteChannel(ctx, c.req.valid('param').id);
      return c.json({ ok: true as const }, 200);
    },
  );

  return app;
}
