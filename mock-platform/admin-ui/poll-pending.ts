/** How often the channel list asks again while WhatsApp is still approving a number. */
export const PENDING_POLL_MS = 15_000;

/**
 * Reloads while something is pending, so a channel turns approved without a manual reload (CH-4).
 * Timers are injected so tests move them; returns the stop function for an effect's cleanup.
 */
export function pollWhilePending(
  pending: boolean,
  reload: () => void,
  timers: { setInterval: (fn: () => void, ms: number) => unknown; clearInterval: (id: never) => void } = globalThis,
): () => void {
  if (!pending) return () => {};
  const id = timers.setInterval(reload, PENDING_POLL_MS);
  return () => timers.clearInterval(id as never);
}
