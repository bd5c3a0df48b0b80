/**
 * In-process publish/subscribe by topic (an agent id, a simulator thread), with a typed event
 * map so a payload can never drift from its name. Listeners are removed with their AbortSignal.
 */
export type Listener<E> = <K extends keyof E & string>(event: K, data: E[K]) => void;

export class EventHub<E> {
  readonly #listeners = new Map<string, Set<Listener<E>>>();

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
    for (const listener of this.#listeners.get(topic) ?? []) {
      try {
        listener(event, data);
      } catch (error) {
        // One broken stream must not stop the others from hearing the event.
        console.error(`[events] listener for ${topic} failed:`, error);
      }
    }
  }

  listenerCount(topic: string): number {
    return this.#listeners.get(topic)?.size ?? 0;
  }
}
