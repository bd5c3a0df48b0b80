import { z } from 'zod';
import { apiErrorSchema } from './schemas.ts';

/**
 * Imports of users and skills (CSV) and of the whole configuration (JSON): what the request says,
 * and the report a dry run and an applied import both answer with.
 */

const issueSchema = apiErrorSchema.shape.error.shape.issues.unwrap().element;

export const importActionSchema = z.enum(['create', 'update', 'unchanged', 'refused']);
export type ImportAction = z.infer<typeof importActionSchema>;

export const importItemSchema = z.object({
  /** Where the row is in the file: `row 3` (as a spreadsheet numbers it, the header being row 1), `roles.role_night`. */
  ref: z.string(),
  /** The administrable resource: `users`, `skills`, `roles`… */
  resource: z.string(),
  id: z.string(),
  /** The row as the audit log words it. */
  name: z.string(),
  action: importActionSchema,
  /** Why it is refused: each names its field and rule. */
  issues: z.array(issueSchema),
  /** What an update changes, field by field (passwords only say that they change). */
  changes: z.array(z.object({ field: z.string(), before: z.string(), after: z.string() })),
});
export type ImportItemReport = z.infer<typeof importItemSchema>;

export const importReportSchema = z.object({
  /** True: nothing was written; this is what applying it would do. */
  dryRun: z.boolean(),
  /** True: the created and changed rows were written, in one audited commit. */
  applied: z.boolean(),
  counts: z.object({
    create: z.number().int(),
    update: z.number().int(),
    unchanged: z.number().int(),
    refused: z.number().int(),
  }),
  items: z.array(importItemSchema),
  /** What the import leaves alone and why (templates are WhatsApp's). */
  notes: z.array(z.string()),
});
export type ImportReport = z.infer<typeof importReportSchema>;

const modeShape = {
  /** Only say what would happen (the default: an import is looked at before it is applied). */
  dryRun: z.boolean().default(true),
  /** Apply what passes and leave the refused rows out; otherwise one refused row refuses the whole file. */
  skipRefused: z.boolean().default(false),
};

export const csvImportRequestSchema = z
  .object({
    /** The CSV text (RFC 4180): a header of column names, then one row per line. */
    csv: z.string().min(1, 'is required').max(240_000),
    ...modeShape,
  })
  .strict();
