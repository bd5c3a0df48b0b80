import type { Clock } from '../../../shared/clock.ts';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import type { Store } from '../store/store.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { signBody } from '../whatsapp/signature.ts';
import { putSim, removeSim, type SimulatorSchema } from './records.ts';
import { verifyCallback, webhookTarget } from './subscriptions.ts';

export interface WebhookDeliveryOptions {
  /** Where to post: the platform's receiver, or any Cloud API webhook endpoint. */
  url: string;
  appSecret: string;
  /** The delivery queue lives here, so it survives a restart. */
  store: Store<SimulatorSchema>;
  clock: Clock;
  fetch?: FetchLike;
  /**
   * Waits between attempts, in ms: after the last one the wait stays the same until `retryForMs`
   * has passed. An empty list means a single attempt.
   */
  backoff?: readonly number[];
  /** How long a webhook is retried before it is given up (Meta: 7 days). */
  retryForMs?: number;
}

/** Meta retries "with decreasing frequency" for up to 7 days. */
export const DEFAULT_BACKOFF = [
  5_000,
  30_000,
  2 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
  2 * 3_600_000,
  4 * 3_600_000,
];
export const DEFAULT_RETRY_FOR_MS = 7 * 24 * 3_600_000;

type Queued = SimulatorSchema['webhookQueue'];

/**
 * Posts webhooks as Meta does: bodies with non-ASCII escaped, signed with X-Hub-Signature-256,
 * retried with decreasing frequency until the receiver answers any 2xx, for up to `retryForMs`.
 * Every webhook waits in the simulator's store (`webhookQueue`), so a restart loses none. Queues
 * are per business number and URL: each delivers its webhooks one at a time, oldest due first,
 * and a failing one never holds back another queue; a webhook that fails waits its back-off while
 * the next ones of its queue go on. Retries happen when `deliverDue` runs (the server's sweep,
 * every second; tests move the clock and call it).
 */
export class WebhookDelivery {
  readonly #options: Required<Omit<WebhookDeliveryOptions, 'store' | 'clock'>>;
  readonly #store: Store<SimulatorSchema>;
  readonly #clock: Clock;
  /** Queues being delivered now, with the work that delivers them. */
  readonly #running = new Map<string, Promise<void>>();
  #seq: number;

  constructor(options: WebhookDeliveryOptions) {
    this.#options = {
      fetch: globalThis.fetch,
      backoff: DEFAULT_BACKOFF,
      retryForMs: DEFAULT_RETRY_FOR_MS,
      url: options.url,
      appSecret: options.appSecret,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.retryForMs !== undefined ? { retryForMs: options.retryForMs } : {}),
    };
    this.#store = options.store;
    this.#clock = options.clock;
    this.#seq = this.#store.all('webhookQueue').reduce((max, row) => Math.max(max, row.seq), 0);
  }

  /**
   * Queues a payload for where its account's subscription sends it (`webhookTarget`: an override,
   * or the configured URL), or for `url`, and starts delivering. Resolves once the webhook is
   * durably queued; delivery happens in the background. An account the app unsubscribed from gets
   * nothing, as with Meta.
   */
  enqueue(payload: unknown, url = webhookTarget(this.#store, payload, this.#options.url)): Promise<void> {
    if (url === undefined) return Promise.resolve();
    const now = this.#clock.now();
    this.#seq += 1;
    const row: Queued = {
      id: `wh-${String(this.#seq).padStart(12, '0')}`,
      seq: this.#seq,
      queue: `${senderOf(payload)} ${url}`,
      url,
      body: stringifyLikeMeta(payload),
      createdAt: now,
      nextAttemptAt: now,
      attempts: 0,
    };
    const durable = this.#store.commit([putSim('webhookQueue', row)]);
    durable.catch((error: unknown) => console.error('[simulator] a webhook could not be queued:', error));
    this.deliverDue();
    return durable;
  }

  /** Starts every queue that has a webhook due and is not already being delivered. */
  deliverDue(): void {
    const now = this.#clock.now();
    for (const row of this.#store.all('webhookQueue')) {
      if (row.nextAttemptAt <= now) this.#start(row.queue);
    }
  }

  #start(queue: string): void {
    if (this.#running.has(queue)) return;
    const work = this.#drain(queue)
      .catch((error: unknown) => console.error('[simulator] webhook delivery stopped:', error))
      .finally(() => {
        this.#running.delete(queue);
        // Queued while this queue was finishing: go on.
        if (this.#dueIn(queue)) this.#start(queue);
      });
    this.#running.set(queue, work);
  }

  #dueIn(queue: string): Queued | undefined {
    const now = this.#clock.now();
    return this.#store
      .all('webhookQueue')
      .filter((row) => row.queue === queue && row.nextAttemptAt <= now)
      .sort((a, b) => a.seq - b.seq)[0];
  }

  /** Resolves when no queue has a webhook due now (those waiting their back-off are not awaited). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.all(this.#running.values());
  }

  /** Webhooks not yet delivered (due now or waiting their back-off). */
  get pending(): number {
    return this.#store.count('webhookQueue');
  }

  /** The verification handshake Meta performs when a webhook is subscribed (on the app's URL). */
  async verify(verifyToken: string): Promise<{ verified: boolean }> {
    return { verified: await verifyCallback(this.#options.fetch, this.#options.url, verifyToken) };
  }

  async #drain(queue: string): Promise<void> {
    for (let next = this.#dueIn(queue); next; next = this.#dueIn(queue)) await this.#attempt(next);
  }

  async #attempt(row: Queued): Promise<void> {
    const { appSecret, fetch, backoff, retryForMs } = this.#options;
    let problem: string;
    try {
      const response = await fetch(row.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(appSecret, row.body) },
        body: row.body,
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) {
        await this.#store.commit([removeSim('webhookQueue', row.id)]);
        return;
      }
      problem = `HTTP ${response.status}`;
    } catch (error) {
      problem = (error as Error).message;
    }
    const now = this.#clock.now();
    const attempts = row.attempts + 1;
    const wait = backoff.length === 0 ? undefined : (backoff[attempts - 1] ?? backoff[backoff.length - 1]);
    if (wait === undefined || now + wait > row.createdAt + retryForMs) {
      console.error(`[simulator] webhook to ${row.url} dropped after ${attempts} attempts (${problem})`);
      await this.#store.commit([removeSim('webhookQueue', row.id)]);
      return;
    }
    await this.#store.commit([
      putSim('webhookQueue', { ...row, attempts, nextAttemptAt: now + wait, lastError: problem }),
    ]);
  }
}

/** The business number a webhook is about (its account for account-level updates). */
function senderOf(payload: unknown): string {
  const entry = (
    payload as { entry?: { id?: unknown; changes?: { value?: { metadata?: { phone_number_id?: unknown } } }[] }[] }
  )?.entry?.[0];
  const number = entry?.changes?.[0]?.value?.metadata?.phone_number_id;
  if (typeof number === 'string') return number;
  return typeof entry?.id === 'string' ? entry.id : '-';
}
