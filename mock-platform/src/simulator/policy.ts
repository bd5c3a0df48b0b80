import type { SimMessage, SimPhoneNumber } from './records.ts';

/**
 * The Cloud API's sending limits (CH-6, CH-8), as pure functions of what was sent and when, so
 * that each is tested by moving a clock. Each refusal names the rule and when it would pass.
 */

export type Refusal = {
  code: number;
  status: 400 | 429;
  details: string;
  /** When trying again may pass: sent as `Retry-After` (seconds) with a 429. */
  retryAfterMs?: number;
};

const DAY_MS = 24 * 60 * 60_000;
const PAIR_WINDOW_MS = 6_000;
/** Meta allows short bursts to one customer, then about one message every six seconds. */
export const PAIR_BURST = 45;

/** Unique customers a number may reach outside their service window per moving 24 hours. */
export const TIER_LIMITS: Record<SimPhoneNumber['messagingLimitTier'], number> = {
  TIER_250: 250,
  TIER_1K: 1_000,
  TIER_10K: 10_000,
  TIER_100K: 100_000,
  TIER_UNLIMITED: Number.POSITIVE_INFINITY,
};

const at = (ms: number) => new Date(ms).toISOString();

/** Throughput: at most `perSecond` messages (both directions) per number in any second (130429). */
export function throughputRefusal(timestamps: readonly number[], now: number, perSecond: number): Refusal | undefined {
  const recent = timestamps.filter((t) => t > now - 1000).sort((a, b) => a - b);
  if (recent.length < perSecond) return undefined;
  const retryMs = (recent[recent.length - perSecond] ?? now) + 1000 - now;
  return {
    code: 130429,
    status: 429,
    details: `Throughput limit: this number may send ${perSecond} messages per second; retry in ${Math.max(1, retryMs)} ms`,
    retryAfterMs: Math.max(1, retryMs),
  };
}

/** Pair rate: at most PAIR_BURST messages to one customer in six seconds (131056). */
export function pairRefusal(toCustomer: readonly SimMessage[], now: number): Refusal | undefined {
  const recent = toCustomer
    .filter((m) => m.direction === 'outbound' && m.timestamp > now - PAIR_WINDOW_MS)
    .map((m) => m.timestamp)
    .sort((a, b) => a - b);
  if (recent.length < PAIR_BURST) return undefined;
  const retryMs = (recent[recent.length - PAIR_BURST] ?? now) + PAIR_WINDOW_MS - now;
  return {
    code: 131056,
    status: 400,
    details: `Pair rate limit: too many messages to this customer in a short time; retry in ${Math.max(1, Math.ceil(retryMs / 1000))} s`,
    retryAfterMs: Math.max(1, retryMs),
  };
}

/**
 * Messaging limit: a business-initiated conversation (a template outside the customer's service
 * window) with a customer not reached in the last 24 hours counts against the tier (131048).
 * `initiated` lists, per customer, when they were last reached that way.
 */
export function tierRefusal(
  initiated: ReadonlyMap<string, number>,
  customerWaId: string,
  now: number,
  phone: SimPhoneNumber,
): Refusal | undefined {
  const limit = TIER_LIMITS[phone.messagingLimitTier];
  const within = [...initiated.entries()].filter(([, time]) => time > now - DAY_MS);
  if (within.some(([customer]) => customer === customerWaId) || within.length < limit) return undefined;
  const oldest = Math.min(...within.map(([, time]) => time));
  const flagged = phone.status === 'FLAGGED' ? ' (lowered because the number is flagged for low quality)' : '';
  return {
    code: 131048,
    status: 400,
    details: `Messaging limit reached: ${phone.messagingLimitTier} allows ${limit} customers outside their service window per 24 hours${flagged}; the next slot frees at ${at(oldest + DAY_MS)}`,
  };
}

/**
 * The code of the simulator's own consent rule. Meta does not refuse a first message to a customer
 * who never wrote (its 131050 is a marketing opt-out), so this code is outside Meta's list and its
 * message says whose rule it is.
 */
export const SIMULATOR_NO_CONSENT = 139050;

/**
 * Consent (CH-6): business-initiated messages never to customers who opted out (Meta's 131050),
 * and, by this simulator's rule, only to customers who wrote before or opted in.
 */
export function consentRefusal(
  consent: { optedIn?: boolean; optedOut?: boolean } | undefined,
  hasWritten: boolean,
): Refusal | undefined {
  if (consent?.optedOut) {
    return {
      code: 131050,
      status: 400,
      details: 'The customer opted out of messages from this number: they must opt in again',
    };
  }
  if (!hasWritten && !consent?.optedIn) {
    return {
      code: SIMULATOR_NO_CONSENT,
      status: 400,
      details:
        'This simulator’s consent rule (not Meta’s): the customer never wrote to this number and has not opted in',
    };
  }
  return undefined;
}
