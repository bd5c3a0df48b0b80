import type { PlatformContext } from './context.ts';
import { mutate } from './mutation.ts';
import { remove } from './records.ts';

/**
 * How long a status for a message the platform does not know is kept. It waits for the send's
 * answer, which comes within seconds; Meta also reports messages other apps sent from the same
 * number, whose answer never comes here.
 */
export const ORPHAN_STATUS_TTL_MS = 60 * 60_000;

/** Drops the statuses no send claimed within `ORPHAN_STATUS_TTL_MS` (clock-driven; run by the sweep). */
export async function dropStaleOrphanStatuses(ctx: PlatformContext): Promise<number> {
  return mutate(ctx, async (ctx) => {
    const now = ctx.clock.now();
    const stale = ctx.store
      .all('orphanStatuses')
      .filter((orphan) => now - (orphan.receivedAt ?? orphan.timestamp) >= ORPHAN_STATUS_TTL_MS);
    if (stale.length > 0) await ctx.store.commit(stale.map((orphan) => remove('orphanStatuses', orphan.id)));
    return stale.length;
  });
}
