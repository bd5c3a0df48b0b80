import { storage } from 'wxt/utils/storage';
import { PENDING_OUTBOUND_KEY } from './messages.ts';
import {
  CONSOLE_PATTERNS_KEY,
  draftsKey,
  openConversationKey,
  PLATFORM_URL_KEY,
  PREFS_KEY,
  SESSION_KEY,
} from './storage-keys.ts';

/**
 * The extension's items in chrome storage, typed and versioned with WXT's `storage.defineItem`
 * (a future shape change adds a migration here). No zod here, so the background (which must stay
 * zod-free, scripts/check-bundles.ts) can use them: `storage.ts` re-exports them and reads them
 * with zod, since what is on disk may come from an older version or be damaged; the background
 * checks what it reads by hand.
 */
export const sessionItem = storage.defineItem<unknown>(`session:${SESSION_KEY}`, { version: 1 });
export const platformUrlItem = storage.defineItem<unknown>(`local:${PLATFORM_URL_KEY}`, { version: 1 });
export const panelPrefsItem = storage.defineItem<unknown>(`local:${PREFS_KEY}`, { version: 1 });
/** A number the console page's "WhatsApp" button left for the panel (written by the background). */
export const pendingOutboundItem = storage.defineItem<unknown>(`session:${PENDING_OUTBOUND_KEY}`, { version: 1 });
/** The console pages (match patterns) the agent chose for the overlay: the options page writes, the background registers. */
export const consolePatternsItem = storage.defineItem<unknown>(`local:${CONSOLE_PATTERNS_KEY}`, { version: 1 });
/** One agent's drafts (conversation id → text), keyed by user so another agent never sees them. */
export const draftsItem = (userId: string) =>
  storage.defineItem<unknown>(`session:${draftsKey(userId)}`, { version: 1 });
/** The conversation one agent had open in the panel. */
export const openConversationItem = (userId: string) =>
  storage.defineItem<unknown>(`session:${openConversationKey(userId)}`, { version: 1 });
