import { parseCsv, toCsv } from '../../../../shared/csv/csv.ts';
import { versionOf } from '../../routes/versions.ts';
import { audited } from '../audit.ts';
import type { PlatformContext } from '../context.ts';
import { invalidField, invalidRequest } from '../domain-errors.ts';
import { mutate } from '../mutation.ts';
import type { User } from '../records.ts';
import { mergedBody, readLines } from './csv-columns.ts';
import type { CsvKind } from './csv-kinds.ts';
import { announceImport, counted, refusedRows, staleImport } from './import-outcome.ts';
import { type ImportItem, type ImportPlan, planImport } from './plan-import.ts';
import { StagedStore } from './staged-store.ts';

/** Every row of the collection as CSV, in the admin list's order, with its version; never a password. */
export function exportCsv<R extends { id: string }>(ctx: PlatformContext, kind: CsvKind<R>): string {
  const resource = kind.resource(ctx);
  const all = ctx.store.all(resource.collection) as unknown as R[];
  const rows = (resource.list ? resource.list(all as never) : all) as unknown as R[];
  const columns = kind.columns.filter((column) => !column.importOnly);
  return toCsv([
    columns.map((column) => column.name),
    ...rows.map((row) => columns.map((column) => column.write(row, versionOf(ctx, kind.path, row.id)))),
  ]);
}

export interface CsvImportRequest {
  csv: string;
  /** Only say what would happen. */
  dryRun: boolean;
  /** Apply the rows that pass and leave the refused ones out; else one refused row refuses the file. */
  skipRefused: boolean;
}

/**
 * Imports a CSV of users or skills: every line validated by the resource's own schema and checks
 * (field named, with the line's row number), then — unless it is a dry run — every created and
 * changed row written in one commit with an audit entry each and one for the import. Nothing is
 * written when any line is refused, unless `skipRefused`; a line whose row changed since the
 * version it carries refuses the whole file (409), naming who changed what.
 */
export async function importCsv<R extends { id: string }>(
  ctx: PlatformContext,
  actor: User,
  kind: CsvKind<R>,
  request: CsvImportRequest,
): Promise<ImportPlan> {
  const parsed = parseCsv(request.csv);
  if (!parsed.ok) throw invalidField('csv', `line ${parsed.line}: ${parsed.message}`);
  const read = readLines(parsed.records, kind.columns, kind.required);
  if (!read.ok) throw invalidRequest(read.issues);
  const { lines } = read;
  // Slow work (hashing a password) before the write queue, and only when something is written.
  const resource = kind.resource(ctx);
  const prepared = await Promise.all(
    lines.map((line) =>
      request.dryRun || line.issues.length > 0
        ? line.fields.password === undefined
          ? undefined
          : 'dry-run'
        : resource.prepare?.(line.fields),
    ),
  );

  const plan = await mutate(ctx, async (ctx) => {
    const staged = new StagedStore(ctx.store);
    const stagedResource = kind.resource({ ...ctx, store: staged });
    const items: ImportItem[] = lines.map((line, index) => {
      const ref = `row ${line.row}`;
      const found = kind.identify(line, ctx.store);
      if ('issue' in found) return { ref, resource: stagedResource, id: '', body: {}, issues: [found.issue] };
      const versionCell = line.cells.get('version')?.trim() ?? '';
      const version = /^\d+$/.test(versionCell) ? Number(versionCell) : undefined;
      const issues = [...line.issues];
      if (versionCell !== '' && version === undefined)
        issues.push({ path: 'version', message: 'must be the whole number the export wrote' });
      return {
        ref,
        resource: stagedResource,
        id: found.id,
        body: mergedBody(found.existing ? kind.bodyOf(found.existing) : {}, line.fields),
        prepared: prepared[index],
        version,
        issues,
      };
    });
    const plan = planImport(ctx, staged, actor, items, { skipRefused: request.skipRefused });
    if (plan.conflicts.length > 0) throw staleImport(plan.conflicts);
    if (request.dryRun) return plan;
    if (!request.skipRefused && plan.items.some((item) => item.action === 'refused')) throw refusedRows(plan);
    if (plan.ops.length > 0)
      await ctx.store.commit([
        ...plan.ops,
        audited(
          ctx,
          actor,
          'create',
          'imports',
          `import_${kind.path}_csv`,
          `Imported ${kind.path} from CSV: ${counted(plan)}`,
        ),
      ]);
    return plan;
  });
  if (!request.dryRun) await announceImport(ctx, plan, [kind.resource(ctx)]);
  return plan;
}
