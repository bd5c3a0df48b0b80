import { z } from 'zod';
import { loginResponseSchema } from '../../shared/api/schemas.ts';
import browser from './browser.ts';
import { type CredentialDb, indexedDbCredentials } from './credential-db.ts';
import { panelPrefsItem, platformUrlItem, sessionItem } from './storage-items.ts';
import { STAY_KEY } from './storage-keys.ts';
import { migrateStaySignedIn } from './storage-upkeep.ts';

/**
 * The agent's session on a platform. It lives in `storage.session`: in memory only (never on
 * disk, gone when the browser closes) and, at the TRUSTED_CONTEXTS access level the background
 * sets, out of content scripts' reach.
 */
export const sessionSchema = loginResponseSchema
  .omit({ refreshToken: true, refreshExpiresAt: true })
  .extend({ platformUrl: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/**
 * "Stay signed in": the refresh credential that signs the agent in again after a browser restart.
 * Only stored when she ticked the box; it cannot call the API itself, works once (each use gives
 * a new one) and dies with sign-out, sign-out everywhere or a new password. It lives in the
 * extension's IndexedDB (`credential-db.ts`), out of content scripts' reach, never in `storage.local`.
 */
export const staySignedInSchema = z.object({
  platformUrl: z.string(),
  userId: z.string(),
  refreshToken: z.string(),
  expiresAt: z.number(),
});
export type StaySignedIn = z.infer<typeof staySignedInSchema>;

/** Replaced at build time (wxt.config.ts) with the URL the extension was built against. */
declare const __LORO_PLATFORM_URL__: string | undefined;
export const DEFAULT_PLATFORM_URL =
  typeof __LORO_PLATFORM_URL__ === 'string' ? __LORO_PLATFORM_URL__ : 'http://127.0.0.1:8787';

// The items themselves (storage.defineItem, typed and versioned) live in `storage-items.ts`,
// zod-free so the background can use them too; here they are read and written with zod.
export {
  consolePatternsItem,
  draftsItem,
  openConversationItem,
  panelPrefsItem,
  pendingOutboundItem,
  platformUrlItem,
  sessionItem,
} from './storage-items.ts';

/** The stored session, or undefined when signed out, expired or unreadable. */
export async function loadSession(now = Date.now()): Promise<Session | undefined> {
  const parsed = sessionSchema.safeParse(await sessionItem.getValue());
  if (!parsed.success || parsed.data.expiresAt <= now) return undefined;
  return parsed.data;
}

export async function saveSession(session: Session): Promise<void> {
  await sessionItem.setValue(sessionSchema.parse(session));
  await platformUrlItem.setValue(session.platformUrl);
}

export async function clearSession(): Promise<void> {
  await sessionItem.removeValue();
}

/** The "stay signed in" credential, or undefined when there is none (or it has expired). */
export async function loadStaySignedIn(
  now = Date.now(),
  db: CredentialDb = indexedDbCredentials(),
): Promise<StaySignedIn | undefined> {
  await migrateStaySignedIn(db);
  const parsed = staySignedInSchema.safeParse(await db.get(STAY_KEY));
  if (!parsed.success || parsed.data.expiresAt <= now) return undefined;
  return parsed.data;
}

export async function saveStaySignedIn(
  credential: StaySignedIn,
  db: CredentialDb = indexedDbCredentials(),
): Promise<void> {
  await db.put(STAY_KEY, staySignedInSchema.parse(credential));
}

/**
 * Forgets the "stay signed in" credential; with `only`, just when it is still that one (another
 * panel may have replaced it meanwhile with the one it got in exchange).
 */
export async function clearStaySignedIn(only?: string, db: CredentialDb = indexedDbCredentials()): Promise<void> {
  await db.remove(
    STAY_KEY,
    only === undefined ? undefined : (current) => staySignedInSchema.safeParse(current).data?.refreshToken === only,
  );
  if (only === undefined) await browser.storage.local.remove(STAY_KEY);
}

/** The last platform URL used, to prefill the sign-in form. */
export async function lastPlatformUrl(): Promise<string> {
  const value = await platformUrlItem.getValue();
  return typeof value === 'string' ? value : DEFAULT_PLATFORM_URL;
}

/** Calls `listener` whenever the session changes in any extension page. */
export function onSessionChange(listener: () => void, signal: AbortSignal): void {
  signal.addEventListener('abort', sessionItem.watch(listener), { once: true });
}

/** The agent's panel settings: the offer sound (off unless she turns it on) and what is folded. */
export const panelPrefsSchema = z.object({
  offerSound: z.boolean().catch(false),
  tasksExpanded: z.boolean().catch(false),
  detailsExpanded: z.boolean().catch(false),
});
export type PanelPrefs = z.infer<typeof panelPrefsSchema>;
export const DEFAULT_PANEL_PREFS: PanelPrefs = { offerSound: false, tasksExpanded: false, detailsExpanded: false };

export async function loadPanelPrefs(): Promise<PanelPrefs> {
  const parsed = panelPrefsSchema.safeParse(await panelPrefsItem.getValue());
  return parsed.success ? parsed.data : DEFAULT_PANEL_PREFS;
}

export async function savePanelPrefs(prefs: PanelPrefs): Promise<void> {
  await panelPrefsItem.setValue(prefs);
}
