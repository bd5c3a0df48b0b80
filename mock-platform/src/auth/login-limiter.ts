import type { Clock } from '../../../shared/clock.ts';

export interface SlowDownOptions {
  /** Failures that cost nothing (typing mistakes). */
  freeFailures?: number;
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  firstDelayMs?: number;
  /** The longest wait, however many failures. */
  maxDelayMs?: number;
  /** A streak of failures is forgotten after this long without a failure. */
  forgetAfterMs?: number;
}

interface Streak {
  failures: number;
  lastAt: number;
}

/** Keys kept before stale streaks are swept, so many addresses cannot grow memory for ever. */
const SWEEP_ABOVE = 10_000;

/**
 * Slows password guessing down rather than locking anyone out: after `freeFailures` failed
 * sign-ins for one key (a username from one address, or an address), each further attempt waits
 * `firstDelayMs`, doubling with every failure up to `maxDelayMs`, counted from the latest failure.
 * Someone who mistyped a few times waits a second; a guesser gets a handful of tries an hour.
 * Attempts are counted before the password is checked, so concurrent guesses cannot all be tried.
 * Kept in memory: a restart forgets it, which costs an attacker a restart per few tries.
 */
export class LoginLimiter {
  readonly #streaks = new Map<string, Streak>();
  readonly #free: number;
  readonly #first: number;
  readonly #max: number;
  readonly #forgetAfter: number;

  constructor(
    private readonly clock: Clock,
    {
      freeFailures = 5,
      firstDelayMs = 1000,
      maxDelayMs = 15 * 60_000,
      forgetAfterMs = 60 * 60_000,
    }: SlowDownOptions = {},
  ) {
    this.#free = freeFailures;
    this.#first = firstDelayMs;
    this.#max = maxDelayMs;
    this.#forgetAfter = forgetAfterMs;
  }

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const streak = this.#current(key);
    if (!streak || streak.failures < this.#free) return 0;
    return Math.max(0, streak.lastAt + this.delayAfter(streak.failures) - this.clock.now());
  }

  /** The wait that `failures` failures in a row impose (0 while they are free). */
  delayAfter(failures: number): number {
    if (failures < this.#free) return 0;
    return Math.min(this.#max, this.#first * 2 ** (failures - this.#free));
  }

  failed(key: string): void {
    const failures = (this.#current(key)?.failures ?? 0) + 1;
    this.#streaks.set(key, { failures, lastAt: this.clock.now() });
    if (this.#streaks.size > SWEEP_ABOVE) for (const stale of this.#streaks.keys()) this.#current(stale);
  }

  /** Takes back the latest attempt of `key` (it was not tried after all, or it succeeded). */
  forgive(key: string): void {
    const streak = this.#current(key);
    if (!streak) return;
    if (streak.failures <= 1) this.#streaks.delete(key);
    else this.#streaks.set(key, { ...streak, failures: streak.failures - 1 });
  }

  succeeded(key: string): void {
    this.#streaks.delete(key);
  }

  #current(key: string): Streak | undefined {
    const streak = this.#streaks.get(key);
    if (streak && this.clock.now() - streak.lastAt >= this.#forgetAfter) {
      this.#streaks.delete(key);
      return undefined;
    }
    return streak;
  }
}

/** "1 s", "32 s", "4 min", "15 min": how long a refused sign-in waits, for its message. */
export function formatRetry(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
