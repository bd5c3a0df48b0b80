import type { ImportReport } from '../../../../shared/api/imports.ts';
import type { PlatformContext } from '../context.ts';
import { DomainError, type Issue, invalidRequest } from '../domain-errors.ts';
import type { AnyResource, ImportPlan } from './plan-import.ts';

/** A stale import: 409 naming each change made since the file's version of the row. */
export function staleImport(conflicts: Issue[]): DomainError {
  const who = [...new Set(conflicts.map((issue) => issue.message.split(' at ')[0]))].join(', ');
  return new DomainError(
    'conflict',
    'version_conflict',
    `The file is older than the platform's rows: changed since by ${who}. Export again and apply your changes to the new file.`,
    conflicts,
  );
}

/** `2 created, 1 changed, 3 unchanged, 1 refused (skipped)`. */
export function counted(plan: ImportPlan): string {
  const count = (action: string) => plan.items.filter((item) => item.action === action).length;
  const parts = [
    `${count('create')} created`,
    `${count('update')} changed`,
    `${count('unchanged')} unchanged`,
    ...(count('refused') > 0 ? [`${count('refused')} refused (skipped)`] : []),
  ];
  return parts.join(', ');
}

/** After the commit: open streams lose access a change took away, agents see their new permissions, routing runs. */
export async function announceImport(
  ctx: PlatformContext,
  plan: ImportPlan,
  resources: readonly AnyResource[],
): Promise<void> {
  if (plan.written.length === 0) return;
  ctx.streams.revalidate();
  for (const { resource: path, row, action } of plan.written)
    await resources.find((resource) => resource.path === path)?.afterWrite?.(row, action);
}

/** Applying a file with refused rows (without skipping them): 400, each issue named by row and field. */
export function refusedRows(plan: ImportPlan): DomainError {
  return invalidRequest(
    plan.items
      .filter((item) => item.action === 'refused')
      .flatMap((item) => item.issues.map((issue) => ({ ...issue, path: `${item.ref}.${issue.path}` }))),
  );
}

/** The report of a dry run or an applied import. */
export function importReport(plan: ImportPlan, dryRun: boolean, notes: string[] = []): ImportReport {
  const count = (action: string) => plan.items.filter((item) => item.action === action).length;
  return {
    dryRun,
    applied: !dryRun,
    counts: {
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      refused: count('refused'),
    },
    items: plan.items,
    notes,
  };
}
