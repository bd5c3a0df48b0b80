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
}

const HISTORY_PER_TOPIC = 500;

export class EventHub<E> {
  readonly #listeners = new Map<string, Set<Listener<E>>>();
  readonly #history = new Map<string, Delivered<E>[]>();
  readonly #boot = Date.now().toString(36);
  #next = 1;

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
    history.push({ id, event, data });
    if (history.length > HISTORY_PER_TOPIC) history.splice(0, history.length - HISTORY_PER_TOPIC);
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
    const history = this.#history.get(topic) ?? [];
    const oldest = history[0] ? Number(history[0].id.split('.')[1]) : this.#next;
    // Ids are global across topics: a gap before the oldest kept one is only safe if nothing of
    // this topic was dropped, which holds while the history is not full.
    if (history.length >= HISTORY_PER_TOPIC && last < oldest - 1) return undefined;
    return history.filter((delivered) => Number(delivered.id.split('.')[1]) > last);
  }

  listenerCount(topic: string): number {
    return this.#listeners.get(topic)?.size ?? 0;
  }
}
