import type { AgentEvents } from '../../../shared/api/schemas.ts';
import type { EventBus } from '../events/event-bus.ts';
import type { Store, WriteOp } from '../store/store.ts';
import type { PlatformContext, Routing } from './context.ts';
import type { PlatformSchema } from './records.ts';

/**
 * One change of the platform's state, the only way domain code changes it:
 *
 * 1. under the `Serial` lock, `change` reads, decides and applies (the store applies a commit to
 *    memory at once, so the next mutation already sees it);
 * 2. the lock is released: the next mutation does not wait for this one's disk write, and the
 *    writes of many mutations go out together (the store's group commit);
 * 3. once everything it committed is durable, the events it published reach the agents' streams,
 *    and only then does it resolve: after a crash no panel holds an offer or a message that does
 *    not exist, and nothing is acknowledged before it is on disk.
 *
 * `change` receives a context whose `store.commit` (and `sync`) apply at once and resolve at once
 * (their durability is awaited by the mutation, outside the lock) and whose `events.publish`
 * holds each event until then. It must not wait on anything slow (a Graph call): do that between
 * two mutations, and decide again in the second one. Nor may it start another mutation (the lock
 * is not re-entrant): ask for routing with `ctx.routing.request()` (never awaited inside: the
 * pass is asked for once the change is announced) instead of dispatching.
 *
 * If the change throws, what it committed before throwing is still awaited and announced, then the
 * error is rethrown; if the store fails to write, its events are dropped and the store's error is
 * thrown (nothing is acknowledged).
 */
export async function mutate<T>(ctx: PlatformContext, change: (ctx: PlatformContext) => T | Promise<T>): Promise<T> {
  const held = new HeldChange(ctx);
  const outcome = await ctx.serial.run(async () => {
    try {
      return { ok: true as const, value: await change(held.context) };
    } catch (error) {
      return { ok: false as const, error };
    }
  });
  try {
    await held.durable();
  } catch (error) {
    held.abandon();
    throw error;
  }
  held.announce();
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

type Held = { topic: string; event: keyof AgentEvents & string; data: AgentEvents[keyof AgentEvents] };

/** What one mutation committed (its durability) and published (held until then). */
class HeldChange {
  readonly context: PlatformContext;
  readonly #writes: Promise<void>[] = [];
  readonly #events: Held[] = [];
  readonly #hub: EventBus<AgentEvents>;
  readonly #routing: Routing;
  /** Callers of `routing.request()` during the change, waiting for the pass it asks for. */
  readonly #routed: (() => void)[] = [];

  constructor(ctx: PlatformContext) {
    this.#hub = ctx.events;
    this.#routing = ctx.routing;
    this.context = {
      ...ctx,
      store: this.#store(ctx.store),
      events: this.#bus(ctx.events),
      routing: {
        // Asked once the change is durable and announced: the pass sees it, and its offers follow
        // this change's events on the streams.
        request: () => new Promise<void>((resolve) => this.#routed.push(resolve)),
        idle: () => this.#routing.idle(),
      },
    };
  }

  /** Every write of the change durable; rejects with the store's error if one failed. */
  async durable(): Promise<void> {
    await Promise.all(this.#writes);
  }

  /** Publishes what the change held, then asks for the routing pass it requested. */
  announce(): void {
    for (const { topic, event, data } of this.#events) this.#hub.publish(topic, event, data as never);
    if (this.#routed.length === 0) return;
    const pass = this.#routing.request();
    for (const resolve of this.#routed) void pass.then(resolve);
  }

  /** The change could not be stored: nothing is announced, and no pass is asked for. */
  abandon(): void {
    for (const resolve of this.#routed) resolve();
  }

  #track(write: Promise<void>): Promise<void> {
    // Observed by `durable()` once the lock is released: not an unhandled rejection meanwhile.
    write.catch(() => undefined);
    this.#writes.push(write);
    return Promise.resolve();
  }

  #store(store: Store<PlatformSchema>): Store<PlatformSchema> {
    return {
      get: (collection, id) => store.get(collection, id),
      all: (collection) => store.all(collection),
      where: (collection, field, value) => store.where(collection, field, value),
      count: (collection) => store.count(collection),
      commit: (ops: WriteOp<PlatformSchema>[]) => this.#track(store.commit(ops)),
      sync: () => this.#track(store.sync()),
      close: () => store.close(),
      get failed() {
        return store.failed;
      },
    };
  }

  #bus(hub: EventBus<AgentEvents>): EventBus<AgentEvents> {
    return {
      publish: (topic, event, data) => {
        this.#events.push({ topic, event, data });
      },
      subscribe: (topic, listener, signal) => hub.subscribe(topic, listener, signal),
      since: (topic, lastId) => hub.since(topic, lastId),
      listenerCount: (topic) => hub.listenerCount(topic),
    };
  }
}
