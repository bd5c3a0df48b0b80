import { changeAgentState } from './agents.ts';
import type { PlatformContext } from './context.ts';
import { DEFAULT_DISCONNECT_GRACE_SECONDS } from './presence.ts';

/** The tenant's grace period before an agent whose streams are gone is made Unavailable (ms). */
export function disconnectGraceMs(ctx: PlatformContext): number {
  const seconds = ctx.store.get('settings', 'tenant')?.disconnectGraceSeconds ?? DEFAULT_DISCONNECT_GRACE_SECONDS;
  return seconds * 1000;
}

/**
 * Agents whose event streams have been gone for the grace period become Unavailable with the
 * reason "disconnected": nobody would see their offers, so pending ones go back to the queue
 * (without RONA) for the dispatch that follows. Runs in the sweep, inside a mutation (`mutate`), before
 * offers expire, so an agent who simply left is not also put in RONA.
 */
export async function applyDisconnections(ctx: PlatformContext): Promise<void> {
  const grace = disconnectGraceMs(ctx);
  const now = ctx.clock.now();
  for (const status of ctx.store.all('agentStatus')) {
    if (status.state === 'unavailable') continue;
    const gone = ctx.presence.goneSince(status);
    if (gone === undefined || now - gone < grace) continue;
    await changeAgentState(ctx, status.id, 'unavailable', 'disconnected');
  }
}
