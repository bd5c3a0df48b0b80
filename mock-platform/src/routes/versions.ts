import type { Context } from 'hono';
import { ApiError } from '../http/errors.ts';
import type { PlatformContext } from '../platform/context.ts';
import type { PlatformSchema } from '../platform/records.ts';

type AuditEntry = PlatformSchema['audit'];

/**
 * Optimistic concurrency for administrable rows, so no admin change silently undoes another's.
 * A row's version is the number of audit entries about it: every administrative write commits
 * exactly one with the change, so the count goes up by one per change, and the entries after the
 * version a client loaded say exactly who changed what meanwhile.
 */
export function versionOf(ctx: PlatformContext, resource: string, id: string): number {
  return ctx.store.where('audit', 'resourceId', id).filter((entry) => entry.resource === resource).length;
}

/**
 * The version the client based its change on: `If-Match: "3"` (as the ETag of a GET gave it) or a
 * `version` field in the JSON body. Undefined: the client did not say (the change applies as before).
 */
export async function expectedVersion(c: Context): Promise<{ version: number; from: 'header' | 'body' } | undefined> {
  const header = c.req.header('if-match');
  if (header !== undefined) {
    const version = Number(/^(?:W\/)?"?(\d+)"?$/.exec(header.trim())?.[1]);
    if (!Number.isSafeInteger(version)) {
      throw new ApiError(400, 'validation_failed', 'If-Match: must be a version as the ETag gave it, such as "3"', [
        { path: 'If-Match', message: 'must be a version as the ETag gave it, such as "3"' },
      ]);
    }
    return { version, from: 'header' };
  }
  if (!c.req.header('content-type')?.includes('json')) return undefined;
  const body = (await c.req.json().catch(() => undefined)) as { version?: unknown } | undefined;
  if (body?.version === undefined) return undefined;
  if (typeof body.version !== 'number' || !Number.isSafeInteger(body.version) || body.version < 0) {
    throw new ApiError(400, 'validation_failed', 'version: must be the whole number the row was loaded with', [
      { path: 'version', message: 'must be the whole number the row was loaded with' },
    ]);
  }
  return { version: body.version, from: 'body' };
}

/**
 * Refuses a change based on an older version: 412 for `If-Match` (HTTP's precondition), 409 for a
 * body `version`, naming each change made since (who, when, what) so the administrator can reload
 * and apply theirs again.
 */
export function checkVersion(
  ctx: PlatformContext,
  resource: string,
  id: string,
  label: string,
  expected: { version: number; from: 'header' | 'body' } | undefined,
  /**
   * Which later changes collide with this one (default: every change). A row edited in parts, such
   * as the tenant settings, refuses only changes to the fields this write sets.
   */
  collides: (entry: AuditEntry) => boolean = () => true,
): void {
  if (!expected) return;
  const entries = ctx.store
    .where('audit', 'resourceId', id)
    .filter((entry) => entry.resource === resource)
    .sort((a, b) => a.at - b.at);
  if (expected.version === entries.length) return;
  const since = entries.slice(expected.version).filter(collides);
  if (expected.version < entries.length && since.length === 0) return;
  const issues = since.map((entry) => ({
    path: 'version',
    message: `${entry.actorName} at ${new Date(entry.at).toISOString()}: ${entry.summary}`,
  }));
  const who = [...new Set(since.map((entry) => entry.actorName))].join(', ');
  throw new ApiError(
    expected.from === 'header' ? 412 : 409,
    'version_conflict',
    `${label} was changed${who ? ` by ${who}` : ''} since you loaded it (your version ${expected.version}, now ${entries.length}): reload it and apply your change again`,
    issues,
  );
}

/** The ETag of a row's version, as `If-Match` takes it back. */
export const etag = (version: number) => `"${version}"`;
