import type { Runtime, Storage } from 'webextension-polyfill';
import { PENDING_OUTBOUND_KEY, type PendingOutbound, readMessage } from './messages.ts';

export interface PanelMessageDeps {
  /** `chrome.sidePanel.open`: must be called synchronously inside the content script's click. */
  openPanel: (options: { windowId: number }) => Promise<void>;
  /** Where the side panel picks the number up (`storage.session`). */
  session: Pick<Storage.StorageArea, 'set'>;
  now: () => number;
}

/**
 * The background's answer to the overlay's messages: open the side panel for the tab's window
 * (Chrome counts it as a user gesture only inside the click), and for "Start WhatsApp
 * conversation" leave the number in session storage for the panel. Anything else is not ours.
 */
export function panelMessageListener({ openPanel, session, now }: PanelMessageDeps) {
  return (raw: unknown, sender: Runtime.MessageSender): Promise<{ ok: true }> | undefined => {
    const windowId = sender.tab?.windowId;
    const message = readMessage(raw, 'loro:open-panel', 'loro:start-conversation');
    if (!windowId || !message) return undefined;
    // Opened first, synchronously in the click's user gesture; the panel may be opening while the number is stored.
    const opened = openPanel({ windowId });
    if (message.type === 'loro:start-conversation') {
      const pending: PendingOutbound = { number: message.number, at: now() };
      void session.set({ [PENDING_OUTBOUND_KEY]: pending });
    }
    return opened.then(() => ({ ok: true }));
  };
}
