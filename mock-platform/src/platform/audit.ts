import { newId } from '../../../shared/ids.ts';
import type { WriteOp } from '../store/store.ts';
import type { PlatformContext } from './context.ts';
import { invalidField } from './domain-errors.ts';
import { type PlatformSchema, put, type User } from './records.ts';

export type AuditAction = PlatformSchema['audit']['action'];

/**
 * The audit entry for an administrative change, to commit with the change itself: the log never
 * shows a change that was not made, nor misses one that was.
 */
export function audited(
  ctx: PlatformContext,
  actor: User,
  action: AuditAction,
  resource: string,
  resourceId: string,
  summary: string,
  changes?: AuditChange[],
): WriteOp<PlatformSchema> {
  return put('audit', {
    id: newId('audit'),
    at: ctx.clock.now(),
    actorId: actor.id,
    actorName: actor.displayName,
    action,
    resource,
    resourceId,
    summary: summary.length > 500 ? `${summary.slice(0, 499)}…` : summary,
    ...(changes && changes.length > 0 ? { changes: changes.slice(0, 100) } : {}),
  });
}

export type AuditChange = NonNullable<PlatformSchema['audit']['changes']>[number];

/** Fields whose values never enter the log: that they changed is all it says. */
const SECRET = /password|hash|secret|token/i;
const shown = (value: unknown) => {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Field by field, what an update changed. Objects are compared key by key (`channels.ch_1`), so a
 * role's one changed channel reads as that channel, not as the whole map twice.
 */
export function changesBetween(before: object, after: object, prefix = ''): AuditChange[] {
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(was), ...Object.keys(is)])].filter((field) => prefix || field !== 'id');
  return fields
    .filter((field) => JSON.stringify(was[field]) !== JSON.stringify(is[field]))
    .flatMap((name) => {
      const field = `${prefix}${name}`;
      if (SECRET.test(name)) return [{ field, before: '(hidden)', after: '(changed)' }];
      const [old, now] = [was[name], is[name]];
      if (!prefix && isRecord(old) && isRecord(now)) return changesBetween(old, now, `${field}.`);
      return [{ field, before: shown(old), after: shown(now) }];
    });
}

export interface AuditQuery {
  limit: number;
  resource?: string | undefined;
  actorId?: string | undefined;
  /** Epoch milliseconds, inclusive. */
  from?: number | undefined;
  to?: number | undefined;
  /** The `next` of the previous page: entries after it. */
  cursor?: string | undefined;
}

/** One page of the log, newest first, filtered; `next` continues it (undefined: no more). */
export function auditLog(
  ctx: PlatformContext,
  query: AuditQuery,
): { entries: PlatformSchema['audit'][]; next?: string } {
  const matching = ctx.store
    .all('audit')
    .filter(
      (entry) =>
        (!query.resource || entry.resource === query.resource) &&
        (!query.actorId || entry.actorId === query.actorId) &&
        (query.from === undefined || entry.at >= query.from) &&
        (query.to === undefined || entry.at <= query.to),
    )
    // Insertion order, newest first; the sort is stable, so same-millisecond changes keep it.
    .reverse()
    .sort((a, b) => b.at - a.at);
  const start = query.cursor ? matching.findIndex((entry) => entry.id === query.cursor) + 1 : 0;
  if (query.cursor && start === 0) throw invalidField('cursor', 'is not an entry of this list: start again without it');
  const entries = matching.slice(start, start + query.limit);
  const last = entries.at(-1);
  return start + query.limit < matching.length && last ? { entries, next: last.id } : { entries };
}
