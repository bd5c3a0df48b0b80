/** Refresh when less than this is left, so a long shift never meets an expired session. */
export const REFRESH_BEFORE_MS = 60 * 60_000;

/** When to refresh a session that expires at `expiresAt` (now, if already inside the margin). */
export function refreshDelay(expiresAt: number, now: number): number {
  return Math.max(0, expiresAt - REFRESH_BEFORE_MS - now);
}
