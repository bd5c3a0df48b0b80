import type { Clock } from '../../../shared/clock.ts';

/**
 * Slows password guessing: after `maxFailures` failed sign-ins for one key (a username from one
 * address, or an address) within `windowMs`, that key is refused until the oldest failure leaves
 * the window. Attempts are counted before the password is checked, so concurrent guesses cannot
 * all be tried. Kept in memory: a restart forgets it, which costs an attacker a restart per few tries.
 */
export class LoginLimiter {
  readonly #failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until `key` may try again; 0 when it may now. */
  retryAfter(key: string): number {
    const recent = this.#recent(key);
    if (recent.length < this.maxFailures) return 0;
    return (recent[0] ?? 0) + this.windowMs - this.clock.now();
  }

  failed(key: string): void {
    this.#failures.set(key, [...this.#recent(key), this.clock.now()]);
  }

  /** Takes back the latest attempt of `key` (it was not tried after all, or it succeeded). */
  forgive(key: string): void {
    const recent = this.#recent(key);
    recent.pop();
    if (recent.length === 0) this.#failures.delete(key);
  }

  succeeded(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string): number[] {
    const since = this.clock.now() - this.windowMs;
    const recent = (this.#failures.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, recent);
    return recent;
  }
}
