import { overlayMatches } from './console-patterns.ts';
import { consolePatternsItem } from './storage-items.ts';

const SCRIPT_ID = 'loro-overlay';

type Scripting = Pick<
  typeof chrome.scripting,
  'getRegisteredContentScripts' | 'registerContentScripts' | 'updateContentScripts'
>;

/**
 * The agent's console patterns. Checked by hand, not with zod: the background reads them and
 * stays zod-free (scripts/check-bundles.ts); what is stored may be damaged or from an older version.
 */
export async function savedConsolePatterns(): Promise<string[]> {
  const stored = await consolePatternsItem.getValue();
  return Array.isArray(stored) ? stored.filter((p): p is string => typeof p === 'string') : [];
}

/** Stores the agent's console patterns (already checked with `parseConsolePatterns`). */
export async function saveConsolePatterns(patterns: readonly string[]): Promise<void> {
  await consolePatternsItem.setValue([...patterns]);
}

/** Calls `listener` when the agent's console patterns change (the options page saved them). */
export function onConsolePatternsChange(listener: () => void): () => void {
  return consolePatternsItem.watch(listener);
}

/**
 * (Re)registers the overlay content script for the defaults and the agent's patterns. Chrome runs
 * it only where the extension holds the host permission, which the options page asks for.
 */
export async function registerOverlay({ scripting = chrome.scripting }: { scripting?: Scripting } = {}): Promise<void> {
  const matches = overlayMatches(await savedConsolePatterns());
  const existing = await scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  const script = { id: SCRIPT_ID, js: ['content-scripts/overlay.js'], matches, runAt: 'document_idle' as const };
  if (existing.length > 0) await scripting.updateContentScripts([script]);
  else await scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
}
