import type { Storage } from 'webextension-polyfill';
import { z } from 'zod';
import browser from './browser.ts';
import { PENDING_OUTBOUND_KEY } from './messages.ts';

const pendingOutboundSchema = z.object({ number: z.string(), at: z.number() });

/**
 * Calls `onNumber` with each number the console page's "WhatsApp" button leaves in session
 * storage (BY-2), now and as new ones arrive, and clears it once taken. Returns the unsubscribe.
 */
export function watchPendingOutbound(onNumber: (number: string) => void): () => void {
  // The same number can arrive twice (the initial read and the change event): take it once.
  let lastAt = 0;
  const take = (value: unknown) => {
    const parsed = pendingOutboundSchema.safeParse(value);
    if (!parsed.success || parsed.data.at <= lastAt) return;
    lastAt = parsed.data.at;
    onNumber(parsed.data.number);
    void browser.storage.session.remove(PENDING_OUTBOUND_KEY);
  };
  void browser.storage.session.get(PENDING_OUTBOUND_KEY).then((items) => take(items[PENDING_OUTBOUND_KEY]));
  const listener = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'session' && changes[PENDING_OUTBOUND_KEY]) take(changes[PENDING_OUTBOUND_KEY].newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
