import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { csvImportRequestSchema, importReportSchema } from '../../../shared/api/imports.ts';
import type { AuthEnv } from '../auth/require-user.ts';
import { bearerSecurity, errorResponses, jsonBody, jsonContent } from '../http/openapi.ts';
import type { PlatformContext } from '../platform/context.ts';
import { type CsvKind, skillsCsv, usersCsv } from '../platform/imports/csv-kinds.ts';
import { exportCsv, importCsv } from '../platform/imports/csv-transfer.ts';
import { importReport } from '../platform/imports/import-outcome.ts';

const base = { tags: ['Administration'], security: bearerSecurity };

/**
 * Users and skills as CSV (issue 17): `GET /csv/users` exports them (never a password), `POST`
 * imports a file, as a dry run first (`dryRun`, the default) and then applied in one audited
 * commit. Mounted under `/api/admin`: administrators only.
 */
export function csvRoutes(app: OpenAPIHono<AuthEnv>, ctx: PlatformContext): void {
  for (const kind of [usersCsv, skillsCsv] as CsvKind<{ id: string }>[]) {
    const columns = kind.columns.map((column) => column.name).join(', ');
    app.openapi(
      createRoute({
        ...base,
        method: 'get',
        path: `/csv/${kind.path}`,
        summary: `Export the ${kind.path} as CSV (RFC 4180; formula-like cells start with ')`,
        description: `Columns: ${kind.columns
          .filter((column) => !column.importOnly)
          .map((column) => column.name)
          .join(', ')}. The version column is what an import checks against: a row changed since is refused.`,
        responses: {
          200: { description: 'The CSV file', content: { 'text/csv': { schema: z.string() } } },
          401: errorResponses[401],
          403: errorResponses[403],
        },
      }),
      (c) =>
        c.body(exportCsv(ctx, kind), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="${kind.path}.csv"`,
        }) as never,
    );

    app.openapi(
      createRoute({
        ...base,
        method: 'post',
        path: `/csv/${kind.path}`,
        summary: `Import ${kind.path} from CSV: a dry run first (the default), then applied in one audited commit`,
        description: `Columns: ${columns} (only ${kind.required.join(', ')} required; a column left out keeps each row's value, an empty cell clears it). A row with an id changes that ${kind.path === 'users' ? 'user (or, without an id, the user with that username)' : 'skill'}; without, it creates one. Each refused row names its row number, field and rule. Applying a file with refused rows is refused (400, nothing written) unless \`skipRefused\`; a row whose \`version\` is older than the platform's refuses the file (409) naming who changed what.`,
        request: { body: jsonBody(csvImportRequestSchema) },
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
        const plan = await importCsv(ctx, c.get('user'), kind, request);
        return c.json(importReport(plan, request.dryRun), 200);
      },
    );
  }
}
