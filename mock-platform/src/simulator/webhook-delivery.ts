import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { signBody } from '../whatsapp/signature.ts';

export interface WebhookDeliveryOptions {
  /** Where to post: the platform's receiver, or any Cloud API webhook endpoint. */
  url: string;
  appSecret: string;
  fetch?: FetchLike;
  /** Waits between attempts, in ms; its length is the number of retries. */
  backoff?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_BACKOFF = [500, 1_000, 2_000, 5_000, 10_000, 30_000, 60_000];

/**
 * Posts webhooks as Meta does: bodies with non-ASCII escaped, signed with X-Hub-Signature-256,
 * one at a time in order, retried with back-off until the receiver answers 200.
 */
export class WebhookDelivery {
  readonly #options: Required<WebhookDeliveryOptions>;
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(options: WebhookDeliveryOptions) {
    this.#options = {
      fetch: globalThis.fetch,
      backoff: DEFAULT_BACKOFF,
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      ...options,
    };
  }

  /** Queues a payload; delivery happens in the background, in order. */
  enqueue(payload: unknown): void {
    const body = stringifyLikeMeta(payload);
    this.#pending++;
    this.#tail = this.#tail
      .then(() => this.#deliver(body))
      .finally(() => {
        this.#pending--;
      });
  }

  /**
   * The verification handshake Meta performs when a webhook is subscribed: a GET with
   * `hub.mode=subscribe`, the verify token and a challenge the receiver must echo.
   */
  async verify(verifyToken: string): Promise<{ verified: boolean; status: number }> {
    const challenge = String(Math.floor(Math.random() * 2 ** 31));
    const url = new URL(this.#options.url);
    url.searchParams.set('hub.mode', 'subscribe');
    url.searchParams.set('hub.verify_token', verifyToken);
    url.searchParams.set('hub.challenge', challenge);
    try {
      const response = await this.#options.fetch(url.toString(), { method: 'GET' });
      const text = await response.text();
      return { verified: response.status === 200 && text === challenge, status: response.status };
    } catch {
      return { verified: false, status: 0 };
    }
  }

  /** Resolves when everything queued so far has been delivered or given up on. */
  idle(): Promise<void> {
    return this.#tail;
  }

  get pending(): number {
    return this.#pending;
  }

  async #deliver(body: string): Promise<void> {
    const { url, appSecret, fetch, backoff, sleep } = this.#options;
    const signature = signBody(appSecret, body);
    for (let attempt = 0; ; attempt++) {
      let problem: string;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
          body,
        });
        await response.arrayBuffer().catch(() => undefined);
        if (response.status === 200) return;
        problem = `HTTP ${response.status}`;
      } catch (error) {
        problem = (error as Error).message;
      }
      const wait = backoff[attempt];
      if (wait === undefined) {
        console.error(`[simulator] webhook to ${url} dropped after ${attempt + 1} attempts (${problem})`);
        return;
      }
      await sleep(wait);
    }
  }
}
