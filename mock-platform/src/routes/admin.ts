import { createRoute, z } from '@hono/zod-openapi';
import { parsePhone } from '../../../shared/phone.ts';
import { routingQueueBodySchema, routingQueueSchema } from '../../../shared/routing/queues.ts';
import { evaluateScript, routingScriptBodySchema, routingScriptSchema } from '../../../shared/routing/script.ts';
import { businessHoursSchema } from '../../../shared/sla/business-hours.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { ApiError } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import type { PlatformContext } from '../platform/context.ts';
import { deleteChannel } from '../platform/deletions.ts';
import { put, remove, slaPolicySchema } from '../platform/records.ts';
import { DEFAULT_BUSINESS_HOURS, DEFAULT_SLA, slaSettings } from '../platform/sla.ts';
import { slaReport, slaReportSchema } from '../platform/sla-report.ts';

const settingsViewSchema = z.object({
  maskSensitiveData: z.boolean(),
  sla: slaPolicySchema,
  businessHours: businessHoursSchema,
});
/** Any subset of the settings; what is absent stays as it is. */
const settingsUpdateSchema = settingsViewSchema.partial().strict();

const sampleSchema = z.object({
  text: z.string().max(4096),
  from: z.string().optional(),
  channelId: z.string().optional(),
  /** Epoch milliseconds; default now. */
  at: z.number().int().optional(),
});

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

  app.openapi(
    createRoute({
      ...base,
      method: 'put',
      path: '/routing-scripts/{id}',
      summary: 'Create or replace a routing script (ordered rules → skill and priority)',
      request: {
        params: z.object({ id: z.string().regex(/^[\w-]{1,64}$/, 'must be letters, digits, _ or -') }),
        body: jsonBody(routingScriptBodySchema),
      },
      responses: {
        200: jsonContent(routingScriptSchema, 'Saved'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const script = { ...c.req.valid('json'), id: c.req.valid('param').id };
      const missing = [
        ...script.rules.map((rule) => rule.route.skillId),
        ...(script.fallback ? [script.fallback.skillId] : []),
      ].find((skillId) => !ctx.store.get('skills', skillId));
      if (missing)
        throw new ApiError(400, 'validation_failed', `skillId: ${missing} is not a skill`, [
          { path: 'skillId', message: `${missing} is not a skill` },
        ]);
      await ctx.serial.run(() => ctx.store.commit([put('routingScripts', script)]));
      return c.json(script, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/routing-scripts/{id}/try',
      summary: 'Try a routing script on a sample message: which rule matches, which skill and priority',
      request: { params: z.object({ id: z.string() }), body: jsonBody(sampleSchema) },
      responses: {
        200: jsonContent(
          z
            .object({ rule: z.number(), ruleName: z.string().optional(), skillId: z.string(), priority: z.number() })
            .nullable(),
          'The outcome (null: the channel default)',
        ),
        400: errorResponses[400],
        404: errorResponses[404],
      },
    }),
    (c) => {
      const script = ctx.store.get('routingScripts', c.req.valid('param').id);
      if (!script) throw new ApiError(404, 'not_found', `Routing script ${c.req.valid('param').id} was not found`);
      const sample = c.req.valid('json');
      const channelId = sample.channelId ?? ctx.store.all('channels')[0]?.id ?? '';
      const phone = sample.from ? parsePhone(sample.from) : undefined;
      const outcome = evaluateScript(script, {
        text: sample.text,
        channelId,
        customerCountry: phone?.ok ? phone.country : undefined,
        customerKnown: phone?.ok ? ctx.store.get('customers', phone.waId) !== undefined : false,
        now: sample.at ?? ctx.clock.now(),
        businessHours: slaSettings(ctx.store, channelId).hours,
      });
      const ruleName = outcome && outcome.rule >= 0 ? script.rules[outcome.rule]?.name : undefined;
      return c.json(outcome ? { ...outcome, ...(ruleName ? { ruleName } : {}) } : null, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/routing-queues',
      summary: 'Routing queues (legacy path), in evaluation order',
      responses: {
        200: jsonContent(z.array(routingQueueSchema), 'Queues'),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    (c) =>
      c.json(
        ctx.store.all('routingQueues').sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)),
        200,
      ),
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'put',
      path: '/routing-queues/{id}',
      summary: 'Create or change a routing queue: filters, included channels; saved at once (RT-3)',
      request: {
        params: z.object({ id: z.string().regex(/^[\w-]{1,64}$/, 'must be letters, digits, _ or -') }),
        body: jsonBody(routingQueueBodySchema),
      },
      responses: {
        200: jsonContent(routingQueueSchema, 'Saved'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      const queue = { ...c.req.valid('json'), id: c.req.valid('param').id };
      if (!ctx.store.get('skills', queue.skillId)) {
        throw new ApiError(400, 'validation_failed', `skillId: ${queue.skillId} is not a skill`, [
          { path: 'skillId', message: 'is not a skill' },
        ]);
      }
      const unknown = queue.includedChannels.findIndex((channelId) => !ctx.store.get('channels', channelId));
      if (unknown !== -1) {
        throw new ApiError(
          400,
          'validation_failed',
          `includedChannels.${unknown}: ${queue.includedChannels[unknown]} is not a channel`,
          [{ path: `includedChannels.${unknown}`, message: 'is not a channel' }],
        );
      }
      await ctx.serial.run(() => ctx.store.commit([put('routingQueues', queue)]));
      return c.json(queue, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'delete',
      path: '/routing-queues/{id}',
      summary: 'Delete a routing queue',
      request: { params: z.object({ id: z.string() }) },
      responses: {
        200: jsonContent(z.object({ ok: z.literal(true) }), 'Deleted'),
        401: errorResponses[401],
        403: errorResponses[403],
        404: errorResponses[404],
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!ctx.store.get('routingQueues', id))
        throw new ApiError(404, 'not_found', `Routing queue ${id} was not found`);
      await ctx.serial.run(() => ctx.store.commit([remove('routingQueues', id)]));
      return c.json({ ok: true as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/sla-report',
      summary: 'SLA compliance by channel, queue and hour of day, with the breaches (BY-4)',
      request: {
        query: z.object({
          from: z.coerce.number().int().min(0).optional(),
          to: z.coerce.number().int().min(0).optional(),
        }),
      },
      responses: {
        200: jsonContent(slaReportSchema, 'Report'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    (c) => {
      const { from, to } = c.req.valid('query');
      const end = to ?? ctx.clock.now() + 1;
      return c.json(slaReport(ctx, from ?? end - 7 * 24 * 60 * 60_000, end), 200);
    },
  );

  return app;
}
