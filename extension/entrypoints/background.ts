import browser from 'webextension-polyfill';
import { defineBackground } from 'wxt/utils/define-background';
import { onConsolePatternsChange, registerOverlay } from '../utils/console-registration.ts';
import { panelMessageListener } from '../utils/panel-messages.ts';
import { migrateStaySignedIn, restrictSessionStorage } from '../utils/storage-upkeep.ts';

// Thin wiring only: an MV3 service worker is killed when idle, so it keeps no state.
export default defineBackground(() => {
  // The agent's token lives in storage.session: the extension's own pages only, never content scripts.
  void restrictSessionStorage(chrome.storage.session).catch((error: unknown) =>
    console.error('[loro] storage.session access level', error),
  );
  // "Stay signed in" moves out of storage.local (content scripts can read it) into IndexedDB.
  void migrateStaySignedIn().catch((error: unknown) => console.error('[loro] stay-signed-in migration', error));
  // The toolbar button opens the side panel.
  void chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  // The overlay runs on the console pages the agent chose (and loopback); again when they change.
  void registerOverlay().catch((error: unknown) => console.error('[loro] overlay registration failed', error));
  onConsolePatternsChange(() => void registerOverlay());

  browser.runtime.onMessage.addListener(
    panelMessageListener({
      openPanel: (options) => chrome.sidePanel.open(options),
      session: browser.storage.session,
      now: Date.now,
    }),
  );
});
