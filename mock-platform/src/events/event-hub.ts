import { type Clock, systemClock } from '../../../shared/clock.ts';

/**
 * In-process publish/subscribe by topic (an agent id, a simulator thread), with a typed event
 * map so a payload can never drift from its name. Listeners are removed with their AbortSignal.
 *
 * Every event gets an id (`<boot>.<n>`) and the last events of each topic are kept, so a client
 * that lost its connection can resume after the last id it saw (SSE's Last-Event-ID). The boot
 * part makes ids from before a restart unknown instead of wrongly "older".
 */
export type Listener<E> = <K extends keyof E & string>(event: K, data: E[K], id: string) => void;

export interface Delivered<E> {
  id: string;
  event: keyof E & string;
  data: E[keyof E];
  /** When it was published (the hub's clock): history older than `historyTtlMs` expires. */
  at: number;
}

const HISTORY_PER_TOPIC = 500;
/** How long a topic's events are kept for resuming clients (a reconnect comes within seconds). */
export const HISTORY_TTL_MS = 60 * 60_000;

export class EventHub<E> {
  readonly #listeners = new Map<string, Set<Listener<E>>>();
  readonly #history = new Map<string, Delivered<E>[]>();
  /** Per topic, the number of the newest event dropped from its history (overflow or expiry). */
  readonly #trimmedUpTo = new Map<string, number>();
  /** The newest event of any topic removed whole by expiry (those topics' markers are gone). */
  #expiredUpTo = 0;
  readonly #boot = Date.now().toString(36);
  #next = 1;

  constructor(
    private readonly clock: Clock = systemClock,
    private readonly historyTtlMs = HISTORY_TTL_MS,
  ) {}

  subscribe(topic: string, listener: Listener<E>, signal?: AbortSignal): void {
    let set = this.#listeners.get(topic);
    if (!set) {
      set = new Set();
      this.#listeners.set(topic, set);
    }
    set.add(listener);
    signal?.addEventListener('abort', () => {
      set.delete(listener);
      if (set.size === 0 && this.#listeners.get(topic) === set) this.#listeners.delete(topic);
    });
  }

  publish<K extends keyof E & string>(topic: string, event: K, data: E[K]): void {
    const id = `${this.#boot}.${this.#next++}`;
    let history = this.#history.get(topic);
    if (!history) {
      history = [];
      this.#history.set(topic, history);
    }
    history.push({ id, event, data, at: this.clock.now() });
    if (history.length > HISTORY_PER_TOPIC) this.#trim(topic, history, history.length - HISTORY_PER_TOPIC);
    for (const listener of this.#listeners.get(topic) ?? []) {
      try {
        listener(event, data, id);
      } catch (error) {
        // One broken stream must not stop the others from hearing the event.
        console.error(`[events] listener for ${topic} failed:`, error);
      }
    }
  }

  /**
   * The events of `topic` after `lastId`, or undefined when they cannot be known (an id from
   * another boot, or older than the history kept): the client must then reload its state.
   */
  since(topic: string, lastId: string): Delivered<E>[] | undefined {
    const [boot, n] = lastId.split('.');
    if (boot !== this.#boot || !n || !/^\d+$/.test(n)) return undefined;
    const last = Number(n);
    if (last >= this.#next) return undefined;
    // Ids are global across topics: what came after `last` is known only if nothing of this
    // topic newer than `last` was dropped (by overflow or expiry).
    if (last < (this.#trimmedUpTo.get(topic) ?? this.#expiredUpTo)) return undefined;
    const history = this.#history.get(topic) ?? [];
    return history.filter((delivered) => Number(delivered.id.split('.')[1]) > last);
  }

  /**
   * Drops history older than the TTL, and topics left with neither history nor listeners, so
   * memory follows live traffic rather than every thread ever seen (run by the sweep).
   */
  expire(): void {
    const cutoff = this.clock.now() - this.historyTtlMs;
    for (const [topic, history] of this.#history) {
      const stale = history.findIndex((delivered) => delivered.at > cutoff);
      this.#trim(topic, history, stale === -1 ? history.length : stale);
      if (history.length === 0 && !this.#listeners.has(topic)) {
        this.#expiredUpTo = Math.max(this.#expiredUpTo, this.#trimmedUpTo.get(topic) ?? 0);
        this.#history.delete(topic);
        this.#trimmedUpTo.delete(topic);
      }
    }
  }

  /** Topics holding history (for tests and health). */
  get topicCount(): number {
    return this.#history.size;
  }

  #trim(topic: string, history: Delivered<E>[], count: number): void {
    if (count <= 0) return;
    const dropped = history.splice(0, count);
    const newest = Number(dropped[dropped.length - 1]?.id.split('.')[1] ?? 0);
    this.#trimmedUpTo.set(topic, Math.max(this.#trimmedUpTo.get(topic) ?? 0, newest));
  }

  listenerCount(topic: string): number {
    return this.#listeners.get(topic)?.size ?? 0;
  }
}
