import type { z } from 'zod';
import type { Resource } from '../../routes/admin-resource.ts';
import { versionOf } from '../../routes/versions.ts';
import type { WriteOp } from '../../store/store.ts';
import { type AuditChange, audited, changesBetween } from '../audit.ts';
import type { PlatformContext } from '../context.ts';
import { type Issue, zodIssues } from '../domain-errors.ts';
import { type PlatformSchema, put, type User } from '../records.ts';
import type { StagedStore } from './staged-store.ts';

type Collection = keyof PlatformSchema & string;
/** Any administrable resource; the planner only moves its rows between its own functions. */
// biome-ignore lint/suspicious/noExplicitAny: the planner is generic over every resource's body and prepared value.
export type AnyResource = Resource<Collection, z.ZodType, any> & {
  /** The row an import compares with, when it is not the stored one as is (settings: defaults filled in). */
  stored?(id: string): PlatformSchema[Collection] | undefined;
};

/** One row of an import: a CSV line or a configuration entry, with the resource it goes to. */
export interface ImportItem {
  /** Where it is in the file, for messages: `row 3` (CSV), `roles.role_night` (configuration). */
  ref: string;
  /** The resource's functions, built on the staged context (`StagedStore`). */
  resource: AnyResource;
  id: string;
  /** The request body the resource would take for it. */
  body: unknown;
  /** What the resource's `prepare` made of the body (a password's hash). */
  prepared?: unknown;
  /** The version the file was exported at: a row changed since then is a conflict. Undefined: not checked. */
  version?: number | undefined;
  /** Already refused while reading the file (a cell that is not a number). */
  issues?: Issue[];
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'refused';

/** What the import does (or would do) with one row: the dry run's line. */
export interface PlannedItem {
  ref: string;
  resource: string;
  id: string;
  /** The row as the audit log words it (`skill Billing`). */
  name: string;
  action: ImportAction;
  /** Why it is refused, each naming its field. */
  issues: Issue[];
  /** Field by field, what an update changes. */
  changes: AuditChange[];
}

export interface ImportPlan {
  items: PlannedItem[];
  /** Rows changed by someone else since the file's version of them: who, when, what. */
  conflicts: Issue[];
  /** The writes with their audit entries, for one commit (empty when nothing is to be written). */
  ops: WriteOp<PlatformSchema>[];
  /** What to announce after the commit (each resource's `afterWrite`). */
  written: { resource: string; row: PlatformSchema[Collection]; action: 'create' | 'update' }[];
}

interface Decided {
  item: ImportItem;
  row?: PlatformSchema[Collection];
  existing?: PlatformSchema[Collection] | undefined;
  issues: Issue[];
}

/**
 * Decides every row of an import against the configuration the import itself produces: each row
 * is validated by its resource's schema, then staged, then checked (references, unique names,
 * cross-record rules) with every other staged row visible, so a file may create a skill and the
 * rows that use it in any order. With `skipRefused`, refused rows are left out and the rest checked
 * again until nothing more is refused (a user whose only skill was refused is refused too);
 * without, the first check's refusals stand and nothing is to be written if there is any.
 */
export function planImport(
  ctx: PlatformContext,
  staged: StagedStore,
  actor: User,
  items: readonly ImportItem[],
  { skipRefused }: { skipRefused: boolean },
): ImportPlan {
  const conflicts: Issue[] = [];
  const seen = new Map<string, string>();
  const decided: Decided[] = items.map((item) => {
    const { resource, id } = item;
    if (item.issues && item.issues.length > 0) return { item, issues: item.issues };
    const twin = seen.get(`${resource.path}/${id}`);
    if (twin) return { item, issues: [{ path: 'id', message: `${id} is also ${twin} of the file` }] };
    seen.set(`${resource.path}/${id}`, item.ref);
    const existing = resource.stored ? resource.stored(id) : staged.base.get(resource.collection, id);
    // The row exactly as the export wrote it: left as it is, even if today's rules would refuse it
    // (a legacy component the administrator has not replaced yet).
    if (existing && sameJson(shownBody(resource, existing), item.body))
      return { item, row: existing, existing, issues: [] };
    const parsed = resource.body.safeParse(item.body);
    if (!parsed.success) return { item, issues: zodIssues(parsed.error) };
    if (item.version !== undefined && existing) {
      const now = versionOf(ctx, resource.path, id);
      if (now !== item.version) {
        const since = changesSince(ctx, resource.path, id, item.version);
        const said =
          since.length > 0 ? since : [{ path: 'version', message: `is ${item.version}, the row is at ${now}` }];
        conflicts.push(...said.map((issue) => ({ ...issue, path: `${item.ref}.version` })));
      }
    }
    const row = resource.toRow(parsed.data, id, existing, item.prepared);
    staged.stage(resource.collection, row);
    return { item, row, existing, issues: [] };
  });

  // Checked against the whole import; with skipRefused, again without what was refused.
  for (let pass = 0; pass <= items.length; pass++) {
    let refusedNow = false;
    for (const entry of decided) {
      if (!entry.row || entry.issues.length > 0) continue;
      // A row the import leaves as it is is not refused for what it already was (a time slot now past).
      if (entry.existing && changesBetween(entry.existing, entry.row).length === 0) continue;
      const issues = entry.item.resource.check?.(entry.row, entry.existing) ?? [];
      if (issues.length === 0) continue;
      entry.issues = issues;
      refusedNow = true;
      staged.unstage(entry.item.resource.collection, entry.item.id);
    }
    if (!refusedNow || !skipRefused) break;
  }

  const planned: PlannedItem[] = decided.map(({ item, row, existing, issues }) => {
    const changes = row && existing ? changesBetween(existing, row) : [];
    const action: ImportAction =
      issues.length > 0 ? 'refused' : !existing ? 'create' : changes.length > 0 ? 'update' : 'unchanged';
    return {
      ref: item.ref,
      resource: item.resource.path,
      id: item.id,
      name: row ? item.resource.describe(row) : item.id,
      action,
      issues,
      changes,
    };
  });

  const refused = planned.some((entry) => entry.action === 'refused');
  if (conflicts.length > 0 || (refused && !skipRefused)) return { items: planned, conflicts, ops: [], written: [] };
  const ops: WriteOp<PlatformSchema>[] = [];
  const written: ImportPlan['written'] = [];
  decided.forEach(({ item, row, existing }, index) => {
    const entry = planned[index];
    if (!row || !entry || (entry.action !== 'create' && entry.action !== 'update')) return;
    const { resource } = item;
    ops.push(
      put(resource.collection, row as never),
      ...(resource.alsoWrite?.(row, existing) ?? []),
      audited(
        ctx,
        actor,
        entry.action,
        resource.path,
        item.id,
        `${entry.action === 'create' ? 'Created' : 'Changed'} ${entry.name} (import)`,
        existing ? entry.changes : undefined,
      ),
    );
    written.push({ resource: resource.path, row, action: entry.action });
  });
  return { items: planned, conflicts, ops, written };
}

/** The audit entries about a row after `version` of it, as `version: who at when: what`. */
function changesSince(ctx: PlatformContext, resource: string, id: string, version: number): Issue[] {
  return ctx.store
    .where('audit', 'resourceId', id)
    .filter((entry) => entry.resource === resource)
    .sort((a, b) => a.at - b.at)
    .slice(version)
    .map((entry) => ({
      path: 'version',
      message: `${entry.actorName} at ${new Date(entry.at).toISOString()}: ${entry.summary}`,
    }));
}

/** A stored row as a file holds it: its view without id and version. */
function shownBody(resource: AnyResource, row: PlatformSchema[Collection]): unknown {
  const {
    id: _id,
    version: _version,
    ...shown
  } = (resource.toView ? resource.toView(row) : row) as Record<string, unknown>;
  return shown;
}

/** Equal as JSON, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, field]) => `${JSON.stringify(key)}:${canonical(field)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
