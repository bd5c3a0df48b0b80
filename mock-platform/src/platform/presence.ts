import type { Clock } from '../../../shared/clock.ts';
import type { AgentStatusRecord } from './records.ts';

/** How long an agent's event streams may be gone before she is made Unavailable (seconds). */
export const DEFAULT_DISCONNECT_GRACE_SECONDS = 20;

/**
 * Which agents have an event stream open, and since when the others' have been gone: the
 * platform's view of who can actually see an offer. Kept in memory (a stream lives in this
 * process); after a restart an agent who was working before it counts as gone since the start,
 * so a panel that never comes back does not keep her Available.
 */
export class Presence {
  readonly #open = new Map<string, number>();
  readonly #goneSince = new Map<string, number>();
  readonly #clock: Clock;
  readonly #startedAt: number;

  constructor(clock: Clock) {
    this.#clock = clock;
    this.#startedAt = clock.now();
  }

  /** An event stream of the agent opened; call the answer when it closes (once or more). */
  opened(agentId: string): () => void {
    this.#open.set(agentId, (this.#open.get(agentId) ?? 0) + 1);
    this.#goneSince.delete(agentId);
    let closed = false;
    return () => {
      if (closed) return;
      closed = true;
      const left = (this.#open.get(agentId) ?? 1) - 1;
      if (left > 0) {
        this.#open.set(agentId, left);
        return;
      }
      this.#open.delete(agentId);
      this.#goneSince.set(agentId, this.#clock.now());
    };
  }

  isConnected(agentId: string): boolean {
    return (this.#open.get(agentId) ?? 0) > 0;
  }

  /**
   * Since when the agent has had no stream open, or undefined while one is open or when she
   * never had one in this process and took her state after it started (an API client that does
   * not listen: nothing says she is gone).
   */
  goneSince(status: AgentStatusRecord): number | undefined {
    if (this.isConnected(status.id)) return undefined;
    const gone = this.#goneSince.get(status.id);
    if (gone !== undefined) return gone;
    return status.since < this.#startedAt ? this.#startedAt : undefined;
  }
}
