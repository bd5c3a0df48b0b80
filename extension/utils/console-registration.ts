import browser from 'webextension-polyfill';
import { CONSOLE_PATTERNS_KEY, overlayMatches } from './console-patterns.ts';

const SCRIPT_ID = 'loro-overlay';

type Scripting = Pick<
  typeof chrome.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts'
>;

export async function savedConsolePatterns(local = browser.storage.local): Promise<string[]> {
  const stored = (await local.get(CONSOLE_PATTERNS_KEY))[CONSOLE_PATTERNS_KEY];
  return Array.isArray(stored) ? stored.filter((p): p is string => typeof p === 'string') : [];
}

/**
 * (Re)registers the overlay content script for the defaults and the agent's patterns. Chrome runs
 * it only where the extension holds the host permission, which the options page asks for.
 */
export async function registerOverlay({
  local = browser.storage.local,
  scripting = chrome.scripting,
}: {
  local?: typeof browser.storage.local;
  scripting?: Scripting;
} = {}): Promise<void> {
  const matches = overlayMatches(await savedConsolePatterns(local));
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const script = { id: SCRIPT_ID, js: ['content-scripts/overlay.js'], matches, runAt: 'document_idle' as const };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
}
