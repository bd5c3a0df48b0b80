import browser from 'webextension-polyfill';
import type { OfferToastMessage } from './messages.ts';

/**
 * Tells the overlay on the active console tab of this window that an offer arrived (a toast
 * without the customer's data). Tabs without the overlay simply do not answer.
 */
export async function toastOnConsole(kind: OfferToastMessage['kind']): Promise<void> {
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    const message: OfferToastMessage = { type: 'loro:offer-toast', kind };
    await browser.tabs.sendMessage(tab.id, message);
  } catch {
    // No overlay on that page (not a console page): nothing to show.
  }
}
