import type { Store, StoreSchema, WriteOp } from '../store/store.ts';

type ChangeListener = () => void;

/**
 * Tells listeners that the store changed (once a commit is durable), without saying what: the
 * supervisors' boards are recomputed from the store, so any change may move a number. Listeners
 * are removed with their AbortSignal.
 */
export class StoreChanges {
  readonly #listeners = new Set<ChangeListener>();

  subscribe(listener: ChangeListener, signal?: AbortSignal): void {
    this.#listeners.add(listener);
    signal?.addEventListener('abort', () => this.#listeners.delete(listener));
  }

  notify(): void {
    for (const listener of this.#listeners) {
      try {
        listener();
      } catch (error) {
        console.error('[store-changes] listener failed:', error);
      }
    }
  }

  listenerCount(): number {
    return this.#listeners.size;
  }
}

/**
 * The same store, announcing each commit to `changes` once it is durable, like the agents' events
 * (`platform/mutation.ts`): a board never shows a change that a crash could still take back.
 */
export function observedStore<S extends StoreSchema>(store: Store<S>, changes: StoreChanges): Store<S> {
  return {
    get: (collection, id) => store.get(collection, id),
    all: (collection) => store.all(collection),
    where: (collection, field, value) => store.where(collection, field, value),
    count: (collection) => store.count(collection),
    commit(ops: WriteOp<S>[]) {
      const durable = store.commit(ops);
      // A failed write announces nothing: the store has failed stop and the caller gets the error.
      if (ops.length > 0)
        durable.then(
          () => changes.notify(),
          () => undefined,
        );
      return durable;
    },
    sync: () => store.sync(),
    close: () => store.close(),
    // `/healthz` reads it: a wrapper that hid it would report a stopped store as healthy.
    get failed() {
      return store.failed;
    },
  };
}
