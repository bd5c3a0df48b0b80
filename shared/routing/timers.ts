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

/** How long an agent who rejected a conversation is not offered it again, unless a skill says otherwise. */
export const DEFAULT_REJECT_COOLDOWN_SECONDS = 60;

/**
 * The agents a waiting conversation is not offered to now: those who rejected it less than the
 * skill's cooldown ago. Once the cooldown passes the conversation may come back to them, so a
 * conversation rejected by everyone who could take it is never stranded.
 */
export function rejectionExcluded(
  rejections: Readonly<Record<string, number>> | undefined,
  now: number,
  cooldownSeconds = DEFAULT_REJECT_COOLDOWN_SECONDS,
): string[] {
  return Object.entries(rejections ?? {})
    .filter(([, at]) => now < at + cooldownSeconds * 1000)
    .map(([agentId]) => agentId);
}
