/**
 * Routing passes, requested after a change and run in the background: a change (a new
 * conversation, an agent going Available, an offer rejected) asks for a pass and goes on without
 * waiting for it, so a webhook is acknowledged once its own data is durable and an agent's action
 * answers before every waiting conversation has been looked at.
 *
 * Requests coalesce: at most one pass runs and at most one waits behind it. A request made while
 * a pass runs is served by the next one (the running pass may have read the state before the
 * change); any number of requests made meanwhile share that next pass, because a pass looks at
 * everything that is waiting.
 */
export class RoutingPasses {
  readonly #pass: () => Promise<void>;
  #running: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #startQueued: (() => void) | undefined;

  constructor(pass: () => Promise<void>) {
    this.#pass = pass;
  }

  /**
   * Asks for a pass that starts after this call. Resolves once that pass has run (callers may
   * ignore it: it never rejects; a failed pass is logged and the next request tries again).
   */
  request(): Promise<void> {
    if (!this.#running) return this.#start();
    if (!this.#queued) {
      this.#queued = new Promise<void>((resolve) => {
        this.#startQueued = () => void this.#start().then(resolve);
      });
    }
    return this.#queued;
  }

  /** Resolves once no pass runs and none waits (tests await it before looking at offers). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  #start(): Promise<void> {
    const running = this.#pass()
      .catch((error: unknown) => console.error('[routing] a routing pass failed:', error))
      .then(() => {
        this.#running = undefined;
        const next = this.#startQueued;
        this.#queued = undefined;
        this.#startQueued = undefined;
        next?.();
      });
    this.#running = running;
    return running;
  }
}
