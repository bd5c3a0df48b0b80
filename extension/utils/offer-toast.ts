import type { OfferView } from '../../shared/api/schemas.ts';
import browser from './browser.ts';
import type { OfferToastGoneMessage, OfferToastMessage } from './messages.ts';

/**
 * Tells the overlay on the active console tab of this window that an offer arrived: a toast with
 * the offer's kind, Accept and Open, lasting as long as the offer, without the customer's data.
 * Resolves with the tab it went to (to take it back later); tabs without the overlay do not answer.
 */
export async function toastOnConsole(
  offer: Pick<OfferView, 'id' | 'kind' | 'expiresAt'>,
  now = Date.now(),
): Promise<number | undefined> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return undefined;
    const message: OfferToastMessage = {
      type: 'loro:offer-toast',
      kind: offer.kind,
      offerId: offer.id,
      lastsMs: offer.expiresAt - now,
    };
    await browser.tabs.sendMessage(tab.id, message);
    return tab.id;
  } catch {
    // No overlay on that page (not a console page): nothing to show.
    return undefined;
  }
}

/** Takes an offer's toast back from the tab it went to (answered, taken back or expired). */
export async function takeToastBack(tabId: number, offerId: string): Promise<void> {
  const message: OfferToastGoneMessage = { type: 'loro:offer-toast-gone', offerId };
  await browser.tabs.sendMessage(tabId, message).catch(() => undefined);
}
