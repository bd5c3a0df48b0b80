import browser, { type Runtime } from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { isOpenPanelMessage } from '../utils/messages.ts';

// Thin wiring only: an MV3 service worker is killed when idle, so it keeps no state.
export default defineBackground(() => {
  // The toolbar button opens the side panel.
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });

  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isOpenPanelMessage(message) || !sender.tab?.windowId) return undefined;
    // Called inside the content script's click, so Chrome counts it as a user gesture.
    return chrome.sidePanel.open({ windowId: sender.tab.windowId }).then(() => ({ ok: true }));
  });
});
