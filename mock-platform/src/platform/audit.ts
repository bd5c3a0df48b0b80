import { newId } from '../../../shared/ids.ts';
import type { WriteOp } from '../store/store.ts';
import type { PlatformContext } from './context.ts';
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
  });
}

/** The latest entries first. */
export function auditLog(ctx: PlatformContext, { limit, resource }: { limit: number; resource?: string | undefined }) {
  return (
    ctx.store
      .all('audit')
      .filter((entry) => !resource || entry.resource === resource)
      // Insertion order, newest first; the sort is stable, so same-millisecond changes keep it.
      .reverse()
      .sort((a, b) => b.at - a.at)
      .slice(0, limit)
  );
}
