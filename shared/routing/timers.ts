/** Defaults of the per-skill timers (administrators change them per skill). */
export const DEFAULT_AGENT_RESPONSE_SECONDS = 30;

/** When an offer made at `offeredAt` expires and its agent goes to RONA. */
export function offerExpiresAt(offeredAt: number, agentResponseSeconds = DEFAULT_AGENT_RESPONSE_SECONDS): number {
  return offeredAt + agentResponseSeconds * 1000;
}

/**
 * When a conversation waiting for the customer is unassigned, or undefined when the timer is off
 * (0 minutes) or nobody is waiting.
 */
export function customerResponseDeadline(
  awaitingSince: number | undefined,
  customerResponseMinutes: number | undefined,
): number | undefined {
  if (awaitingSince === undefined || !customerResponseMinutes) return undefined;
  return awaitingSince + customerResponseMinutes * 60_000;
}
