import { useEffect, useRef } from 'preact/hooks';
import type { OfferView } from '../../shared/api/schemas.ts';
import { totalUnread } from '../utils/attention.ts';
import { showOnToolbar } from '../utils/badge.ts';
import browser from '../utils/browser.ts';
import { isToastAcceptMessage } from '../utils/messages.ts';
import { playOfferSound } from '../utils/offer-sound.ts';
import { takeToastBack, toastOnConsole } from '../utils/offer-toast.ts';

/**
 * The desk's signals outside the panel: the toolbar badge (offers + unread), the console page's
 * toast for each new offer (taken back when the offer goes; its Accept accepts here), and the
 * offer sound when the agent turned it on.
 */
export function useAttention({
  offers,
  unread,
  sound,
  accept,
}: {
  offers: OfferView[];
  unread: Record<string, number>;
  sound: boolean;
  accept: (offerId: string) => void;
}) {
  const unreadCount = totalUnread(unread);
  useEffect(() => {
    void showOnToolbar({ offers: offers.length, unread: unreadCount }, browser.action).catch(() => undefined);
  }, [offers.length, unreadCount]);
  // Signed out (the desk goes away): the badge counts nothing.
  useEffect(() => () => void showOnToolbar({ offers: 0, unread: 0 }, browser.action).catch(() => undefined), []);

  // Offer id → the tab its toast went to.
  const toasts = useRef(new Map<string, number | undefined>());
  const soundOn = useRef(sound);
  soundOn.current = sound;
  useEffect(() => {
    const current = new Set(offers.map((offer) => offer.id));
    for (const offer of offers) {
      if (toasts.current.has(offer.id)) continue;
      toasts.current.set(offer.id, undefined);
      void toastOnConsole(offer).then((tabId) => {
        if (!toasts.current.has(offer.id)) {
          if (tabId !== undefined) void takeToastBack(tabId, offer.id);
        } else toasts.current.set(offer.id, tabId);
      });
      if (soundOn.current) void playOfferSound();
    }
    for (const [offerId, tabId] of toasts.current) {
      if (current.has(offerId)) continue;
      toasts.current.delete(offerId);
      if (tabId !== undefined) void takeToastBack(tabId, offerId);
    }
  }, [offers]);

  const accepting = useRef(accept);
  accepting.current = accept;
  const known = useRef(offers);
  known.current = offers;
  useEffect(() => {
    const listener = (message: unknown) => {
      if (isToastAcceptMessage(message) && known.current.some((offer) => offer.id === message.offerId)) {
        accepting.current(message.offerId);
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, []);
}
