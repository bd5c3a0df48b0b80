import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { importReportSchema } from '../../../shared/api/imports.ts';
import type { AuthEnv } from '../auth/require-user.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from '../http/openapi.ts';
import type { PlatformContext } from '../platform/context.ts';
import { configurationSchema, exportConfiguration, importConfiguration } from '../platform/imports/config-transfer.ts';
import { importReport } from '../platform/imports/import-outcome.ts';

const base = { tags: ['Administration'], security: bearerSecurity };

const importRequestSchema = z
  .object({
    configuration: configurationSchema,
    /** Only say what would change (the default). */
    dryRun: z.boolean().default(true),
    /** Apply what passes and leave the refused rows out; otherwise one refused row refuses the file. */
    skipRefused: z.boolean().default(false),
  })
  .strict();

/**
 * The whole configuration as JSON (issue 17): `GET /configuration` exports it, `POST
 * /configuration/import` imports a file, as a dry run first (the default) and then applied in one
 * audited commit. Mounted under `/api/admin`: administrators only.
 */
export function configurationRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext): void {
  app.openapi(
    createRoute({
      ...base,
      method: 'get',
      path: '/configuration',
      summary: 'Export the whole configuration as JSON, each row with its version; no users, passwords or tokens',
      description:
        'Sections: settings, closureReasons, unavailableReasons, skills, routingScripts, channels, routingQueues, roles, customComponents, richMessages, cannedResponses; templates (WhatsApp’s, for reference). Users travel as CSV (`/csv/users`).',
      responses: {
        200: jsonContent(configurationSchema, 'The configuration file'),
        401: errorResponses[401],
        403: errorResponses[403],
      },
    }),
    async (c) => {
      c.header('content-disposition', 'attachment; filename="loro-configuration.json"');
      return c.json((await exportConfiguration(ctx)) as never, 200);
    },
  );

  app.openapi(
    createRoute({
      ...base,
      method: 'post',
      path: '/configuration/import',
      summary:
        'Import a configuration file: a dry run showing what changes (the default), then applied in one audited commit',
      description:
        'Rows are matched by id: created when new, changed when different, left alone when the file does not have them. Every row is checked as its own admin route would check it, against the configuration the file produces. A row whose `version` is older than the platform’s refuses the whole file (409 `version_conflict`, each change since named); refused rows refuse it (400, each issue named `section.index.field`) unless `skipRefused`. Channels are only changed, never created (they come from a WhatsApp number); templates are never imported (WhatsApp Manager creates them).',
      request: { body: jsonBody(importRequestSchema) },
      responses: {
        200: jsonContent(importReportSchema, 'What the import did, or would do (dry run)'),
        400: errorResponses[400],
        401: errorResponses[401],
        403: errorResponses[403],
        409: errorResponses[409],
      },
    }),
    async (c) => {
      const request = c.req.valid('json');
      const { plan, notes } = await importConfiguration(ctx, c.get('user'), request);
      return c.json(importReport(plan, request.dryRun, notes), 200);
    },
  );
}
