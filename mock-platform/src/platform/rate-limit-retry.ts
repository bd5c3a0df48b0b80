import { GraphApiError } from '../whatsapp/graph-client.ts';
import type { PlatformContext } from './context.ts';
import { mutate } from './mutation.ts';
import { put } from './records.ts';
import { retryReply } from './replies.ts';

/**
 * How long to wait after each rate limit when WhatsApp does not say: 130429 (the number's
 * throughput) frees within a second; 131056 (pair rate) lets about one message through every six.
 */
const DEFAULT_WAIT_MS: Record<number, number> = { 130429: 1_000, 131056: 6_000 };
/** Longer waits are left to the agent (Retry) rather than sent minutes later unannounced. */
export const MAX_AUTOMATIC_WAIT_MS = 60_000;

/**
 * When a reply refused for a rate limit may be sent again: the answer's `Retry-After`, else the
 * limit's usual wait; undefined for any other failure (nothing was refused for being too fast).
 */
export function rateLimitRetryAt(error: unknown, now: number): number | undefined {
  if (!(error instanceof GraphApiError)) return undefined;
  const wait = error.retryAfterMs ?? DEFAULT_WAIT_MS[error.code];
  if (DEFAULT_WAIT_MS[error.code] === undefined || wait === undefined || wait > MAX_AUTOMATIC_WAIT_MS) return undefined;
  return now + wait;
}

/**
 * Sends again, once, the replies WhatsApp refused for a rate limit whose wait is over (run by the
 * sweep, so it follows the clock and survives a restart). Each goes out as the agent's Retry
 * would: a new message, the refused one marked `retriedAs`. A reply that can no longer be sent
 * (the conversation moved on, the window closed) stays failed for the agent to see.
 */
export async function retryRateLimited(ctx: PlatformContext): Promise<number> {
  const now = ctx.clock.now();
  const due = ctx.store.where('messages', 'retryAt', 'waiting').filter((m) => (m.retryAt ?? Infinity) <= now);
  let sent = 0;
  for (const message of due) {
    const agent = message.agentId ? ctx.store.get('users', message.agentId) : undefined;
    try {
      if (!agent) throw new Error('its agent is gone');
      await retryReply(ctx, agent, message.conversationId, message.id);
      sent += 1;
    } catch (error) {
      // Not to be tried at every sweep: the refused reply stays failed, with Retry for the agent.
      await mutate(ctx, async (ctx) => {
        const current = ctx.store.get('messages', message.id);
        if (!current || current.retriedAs) return;
        const { retryAt: _retryAt, ...rest } = current;
        await ctx.store.commit([put('messages', rest)]);
      });
      console.warn(`[outbox] reply ${message.id} not sent again after a rate limit: ${(error as Error).message}`);
    }
  }
  return sent;
}
