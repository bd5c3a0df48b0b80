import { createRoute, z } from '@hono/zod-openapi';
import { parsePhone } from '../../../shared/phone.ts';
import { evaluateScript, type RoutingScript, routingScriptBodySchema } from '../../../shared/routing/script.ts';
import { type AuthEnv, requireUser } from '../auth/require-user.ts';
import type { Sessions } from '../auth/sessions.ts';
import { ApiError } from '../http/errors.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent, router } from '../http/openapi.ts';
import { audited, auditLog, changesBetween } from '../platform/audit.ts';
import type { PlatformContext } from '../platform/context.ts';
import { announceMaskingChange } from '../platform/masking-changed.ts';
import { mutate } from '../platform/mutation.ts';
import { auditEntrySchema, put } from '../platform/records.ts';
import { currentSettings, settingsViewSchema } from '../platform/settings-view.ts';
import { slaSettings } from '../platform/sla.ts';
import { slaReport, slaReportSchema } from '../platform/sla-report.ts';
import { cannedResponseResource } from './admin-canned-responses.ts';
import { channelRoutes } from './admin-channels.ts';
import { configurationRoutes } from './admin-configuration.ts';
import { csvRoutes } from './admin-csv.ts';
import { resourceRoutes } from './admin-resource.ts';
import {
  closureReasonResource,
  customComponentResource,
  richMessageResource,
  roleResource,
  routingQueueResource,
  routingScriptResource,
  skillResource,
  unavailableReasonResource,
  userResource,
} from './admin-resources.ts';
import { checkVersion, etag, expectedVersion, versionOf } from './versions.ts';

/** Any subset of the settings; what is absent stays as it is. */
/** The settings with their version (also the ETag), to send back with a change. */
const settingsResponseSchema = settingsViewSchema.extend({ version: z.number().int() });
/** Any part of the settings; `version` (or If-Match): the settings this change is based on. */
const settingsUpdateSchema = settingsViewSchema
  .partial()
  .extend({ version: z.number().int().min(0, 'must be the whole number the settings were loaded with').optional() })
  .strict();

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
  const current = () => currentSettings(ctx.store);

  const versioned = () => ({ ...current(), version: versionOf(ctx, 'settings', 'tenant') });

  const outcomeSchema = z
    .object({ rule: z.number(), ruleName: z.string().optional(), skillId: z.string(), priority: z.number() })
    .nullable();
  /** Which rule of the script a sample message meets, as the platform would route it now. */
  function tryScript(script: Pick<RoutingScript, 'rules' | 'fallback'>, sample: z.infer<typeof sampleSchema>) {
    const channelId = sample.channelId ?? ctx.store.all('channels')[0]?.id ?? '';
    const phone = sample.from ? parsePhone(sample.from) : undefined;
    const outcome = evaluateScript(
      { id: 'draft', name: 'draft', ...script },
      {
        text: sample.text,
        channelId,
        customerCountry: phone?.ok ? phone.country : undefined,
        customerKnown: phone?.ok ? ctx.store.get('customers', phone.waId) !== undefined : false,
        now: sample.at ?? ctx.clock.now(),
        businessHours: slaSettings(ctx.store, channelId).hours,
      },
    );
    const ruleName = outcome && outcome.rule >= 0 ? script.rules[outcome.rule]?.name : undefined;
    return outcome ? { ...outcome, ...(ruleName ? { ruleName } : {}) } : null;
  }

  // Chained, so `AdminApi` carries these routes' types (the resource routes below are added to the same router).
  const typed = app
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/settings',
        summary: 'Tenant settings; their version is also the ETag, to send back as If-Match',
        responses: {
          200: jsonContent(settingsResponseSchema, 'Settings'),
          401: errorResponses[401],
          403: errorResponses[403],
        },
      }),
      (c) => {
        const shown = versioned();
        c.header('etag', etag(shown.version));
        return c.json(shown, 200);
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'put',
        path: '/settings',
        summary:
          'Change tenant settings (masking, global SLA, business hours, disconnect grace); applies at once. With the version loaded (body `version` or If-Match), a field another administrator changed since is refused (409/412) naming the change; other fields may have changed meanwhile',
        request: { body: jsonBody(settingsUpdateSchema) },
        responses: {
          200: jsonContent(settingsResponseSchema, 'Saved'),
          400: errorResponses[400],
          401: errorResponses[401],
          403: errorResponses[403],
          409: errorResponses[409],
          412: errorResponses[409],
        },
      }),
      async (c) => {
        const { version: _version, ...changes } = c.req.valid('json');
        const expected = await expectedVersion(c);
        const fields = new Set(Object.keys(changes));
        await mutate(ctx, async (ctx) => {
          // Only a later change to a field this write sets collides (`sla.resolutionMs` is part of `sla`).
          checkVersion(ctx, 'settings', 'tenant', 'This setting', expected, (entry) =>
            entry.changes ? entry.changes.some((change) => fields.has(change.field.split('.')[0] ?? '')) : true,
          );
          const stored = ctx.store.get('settings', 'tenant') ?? { id: 'tenant' as const, maskSensitiveData: false };
          const before = currentSettings(ctx.store);
          const after = { ...before, ...changes };
          const what = Object.entries(changes)
            .map(([key, value]) => (key === 'maskSensitiveData' ? `masking ${value ? 'on' : 'off'}` : key))
            .join(', ');
          await ctx.store.commit([
            put('settings', { ...stored, ...changes }),
            audited(
              ctx,
              c.get('user'),
              'update',
              'settings',
              'tenant',
              `Changed settings: ${what || 'nothing'}`,
              changesBetween(before, after),
            ),
          ]);
          // What agents already see is shown again in the new form (AG-6).
          if (changes.maskSensitiveData !== undefined && changes.maskSensitiveData !== stored.maskSensitiveData) {
            announceMaskingChange(ctx, changes.maskSensitiveData);
          }
        });
        const shown = versioned();
        c.header('etag', etag(shown.version));
        return c.json(shown, 200);
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/routing-scripts/{id}/try',
        summary: 'Try a saved routing script on a sample message: which rule matches, which skill and priority',
        request: { params: z.object({ id: z.string() }), body: jsonBody(sampleSchema) },
        responses: {
          200: jsonContent(outcomeSchema, 'The outcome (null: the channel default)'),
          400: errorResponses[400],
          404: errorResponses[404],
        },
      }),
      (c) => {
        const script = ctx.store.get('routingScripts', c.req.valid('param').id);
        if (!script) throw new ApiError(404, 'not_found', `Routing script ${c.req.valid('param').id} was not found`);
        return c.json(tryScript(script, c.req.valid('json')), 200);
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/routing-scripts/try',
        summary: 'Try an unsaved routing script (the editor’s draft) on a sample message; nothing is stored',
        request: { body: jsonBody(z.object({ script: routingScriptBodySchema, sample: sampleSchema })) },
        responses: {
          200: jsonContent(outcomeSchema, 'The outcome (null: the channel default)'),
          400: errorResponses[400],
        },
      }),
      (c) => {
        const { script, sample } = c.req.valid('json');
        return c.json(tryScript(script, sample), 200);
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/sla-report',
        summary:
          'SLA compliance by channel, queue and hour of day, with the breaches (BY-4); each skill’s service level (% answered within its threshold) against its target, with its campaign; campaign= limits it to one campaign',
        request: {
          query: z.object({
            from: z.coerce.number().int().min(0).optional(),
            to: z.coerce.number().int().min(0).optional(),
            campaign: z.string().min(1).max(200).optional(),
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
        const { from, to, campaign } = c.req.valid('query');
        const end = to ?? ctx.clock.now() + 1;
        return c.json(
          slaReport(ctx, from ?? end - 7 * 24 * 60 * 60_000, end, ctx.store.all('conversations'), campaign),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/audit',
        summary:
          'The audit log of administrative changes, newest first: who, what (field by field), when; filtered and paged (the X-Next-Cursor header continues it)',
        request: {
          query: z.object({
            limit: z.coerce.number().int().min(1).max(1000).default(200),
            resource: z.string().max(64).optional(),
            actorId: z.string().max(200).optional(),
            from: z.coerce.number().int().min(0).optional(),
            to: z.coerce.number().int().min(0).optional(),
            cursor: z.string().max(200).optional(),
          }),
        },
        responses: {
          200: jsonContent(z.array(auditEntrySchema), 'Entries'),
          400: errorResponses[400],
          401: errorResponses[401],
          403: errorResponses[403],
        },
      }),
      (c) => {
        const { entries, next } = auditLog(ctx, c.req.valid('query'));
        if (next) c.header('x-next-cursor', next);
        return c.json(entries, 200);
      },
    );

  channelRoutes(app, ctx);
  csvRoutes(app, ctx);
  configurationRoutes(app, ctx);
  // One call each: every resource keeps its own row and body types.
  resourceRoutes(app, ctx, roleResource(ctx));
  resourceRoutes(app, ctx, skillResource(ctx));
  resourceRoutes(app, ctx, userResource(ctx));
  resourceRoutes(app, ctx, customComponentResource(ctx));
  resourceRoutes(app, ctx, richMessageResource(ctx));
  resourceRoutes(app, ctx, closureReasonResource(ctx));
  resourceRoutes(app, ctx, unavailableReasonResource(ctx));
  resourceRoutes(app, ctx, cannedResponseResource(ctx));
  resourceRoutes(app, ctx, routingScriptResource(ctx));
  resourceRoutes(app, ctx, routingQueueResource(ctx));
  return typed;
}

/**
 * The administration API's typed contract, for `hc<AdminApi>(`${origin}/api/admin`)`: settings,
 * routing-script trials, the SLA report and the audit log so far (the resource, channel, CSV and
 * configuration routes are added to the same router unchained, so they are not in it yet).
 */
export type AdminApi = ReturnType<typeof adminRoutes>;
