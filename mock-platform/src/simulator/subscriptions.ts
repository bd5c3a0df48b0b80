import type { Clock } from '../../../shared/clock.ts';
import type { Store } from '../store/store.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { MetaError } from './meta-error.ts';
import { putSim, removeSim, type SimulatorSchema } from './records.ts';

/** The one app of the simulator, as `/{waba-id}/subscribed_apps` names it. */
export const SIMULATOR_APP = { id: '900000000000001', name: 'Loro (WhatsApp simulator app)' } as const;

/**
 * Where a webhook goes, like Meta: a number's override, else its account's override, else the
 * app's callback URL; `undefined` when the app unsubscribed from the account (Meta then sends
 * nothing for it). The account and number are read from the payload (`entry[0].id`, `metadata`).
 */
export function webhookTarget(store: Store<SimulatorSchema>, payload: unknown, appUrl: string): string | undefined {
  const entry = (
    payload as { entry?: { id?: unknown; changes?: { value?: { metadata?: { phone_number_id?: unknown } } }[] }[] }
  )?.entry?.[0];
  const wabaId = typeof entry?.id === 'string' ? entry.id : undefined;
  const numberId = entry?.changes?.[0]?.value?.metadata?.phone_number_id;
  const account = wabaId ? store.get('subscriptions', wabaId) : undefined;
  if (account && !account.subscribed) return undefined;
  const number = typeof numberId === 'string' ? store.get('subscriptions', numberId) : undefined;
  return number?.overrideCallbackUri ?? account?.overrideCallbackUri ?? appUrl;
}

/**
 * The handshake Meta performs before it uses a callback URL: a GET with `hub.mode=subscribe`,
 * the verify token and a challenge the receiver must echo with 200.
 */
export async function verifyCallback(fetch: FetchLike, callbackUrl: string, verifyToken: string): Promise<boolean> {
  const challenge = String(Math.floor(Math.random() * 2 ** 31));
  let url: URL;
  try {
    url = new URL(callbackUrl);
  } catch {
    return false;
  }
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.verify_token', verifyToken);
  url.searchParams.set('hub.challenge', challenge);
  try {
    const response = await fetch(url.toString(), { method: 'GET' });
    return response.status === 200 && (await response.text()) === challenge;
  } catch {
    return false;
  }
}

/** Account and number subscriptions: subscribe (with an override checked first), unsubscribe, list. */
export class Subscriptions {
  constructor(
    private readonly store: Store<SimulatorSchema>,
    private readonly clock: Clock,
    private readonly fetch: FetchLike,
  ) {}

  /** The apps subscribed to an account (the simulator's one app, or none). */
  list(wabaId: string) {
    const row = this.store.get('subscriptions', wabaId);
    if (row && !row.subscribed) return [];
    return [
      {
        whatsapp_business_api_data: {
          id: SIMULATOR_APP.id,
          name: SIMULATOR_APP.name,
          link: `https://www.facebook.com/games/?app_id=${SIMULATOR_APP.id}`,
        },
        ...(row?.overrideCallbackUri ? { override_callback_uri: row.overrideCallbackUri } : {}),
      },
    ];
  }

  /**
   * Subscribes the app to an account or sets a number's override. An override is used only once
   * its URL answers Meta's verification GET with the challenge (2200 otherwise, as Meta answers).
   */
  async subscribe(
    kind: 'waba' | 'number',
    id: string,
    override?: { uri: string; verifyToken: string | undefined },
  ): Promise<void> {
    if (override) {
      if (override.verifyToken === undefined) {
        throw new MetaError(400, 100, 'Invalid parameter verify_token: required with override_callback_uri');
      }
      if (!(await verifyCallback(this.fetch, override.uri, override.verifyToken))) {
        throw new MetaError(400, 2200, `Callback verification failed: ${override.uri} did not echo hub.challenge`);
      }
    }
    await this.store.commit([
      putSim('subscriptions', {
        id,
        kind,
        subscribed: true,
        ...(override ? { overrideCallbackUri: override.uri } : {}),
        at: this.clock.now(),
      }),
    ]);
  }

  /** Drops a number's override (`override_callback_uri: ""`): its account's target applies again. */
  async clearNumberOverride(phoneNumberId: string): Promise<void> {
    if (this.store.get('subscriptions', phoneNumberId)) {
      await this.store.commit([removeSim('subscriptions', phoneNumberId)]);
    }
  }

  async unsubscribe(wabaId: string): Promise<void> {
    await this.store.commit([
      putSim('subscriptions', { id: wabaId, kind: 'waba', subscribed: false, at: this.clock.now() }),
    ]);
  }
}
