import { z } from 'zod';
import { loginResponseSchema } from '../../shared/api/schemas.ts';
import browser from './browser.ts';

/** Everything the extension keeps: which platform, and the agent's session on it. */
export const sessionSchema = loginResponseSchema.extend({ platformUrl: z.string() });
export type Session = z.infer<typeof sessionSchema>;

/** Replaced at build time (wxt.config.ts) with the URL the extension was built against. */
declare const __LORO_PLATFORM_URL__: string | undefined;
export const DEFAULT_PLATFORM_URL =
  typeof __LORO_PLATFORM_URL__ === 'string' ? __LORO_PLATFORM_URL__ : 'http://127.0.0.1:8787';
const KEY = 'loro.session';
const URL_KEY = 'loro.platformUrl';

/** The stored session, or undefined when signed out, expired or unreadable. */
export async function loadSession(now = Date.now()): Promise<Session | undefined> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  const parsed = sessionSchema.safeParse(stored);
  if (!parsed.success || parsed.data.expiresAt <= now) return undefined;
  return parsed.data;
}

export async function saveSession(session: Session): Promise<void> {
  await browser.storage.local.set({ [KEY]: session, [URL_KEY]: session.platformUrl });
}

export async function clearSession(): Promise<void> {
  await browser.storage.local.remove(KEY);
}

/** The last platform URL used, to prefill the sign-in form. */
export async function lastPlatformUrl(): Promise<string> {
  const value = (await browser.storage.local.get(URL_KEY))[URL_KEY];
  return typeof value === 'string' ? value : DEFAULT_PLATFORM_URL;
}

/** Calls `listener` whenever the session changes in any extension page. */
export function onSessionChange(listener: () => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler));
}

const PREFS_KEY = 'loro.panelPrefs';
/** The agent's panel settings: the offer sound (off unless she turns it on) and what is folded. */
export const panelPrefsSchema = z.object({
  offerSound: z.boolean().catch(false),
  tasksExpanded: z.boolean().catch(false),
  detailsExpanded: z.boolean().catch(false),
});
export type PanelPrefs = z.infer<typeof panelPrefsSchema>;
export const DEFAULT_PANEL_PREFS: PanelPrefs = { offerSound: false, tasksExpanded: false, detailsExpanded: false };

export async function loadPanelPrefs(): Promise<PanelPrefs> {
  const parsed = panelPrefsSchema.safeParse((await browser.storage.local.get(PREFS_KEY))[PREFS_KEY]);
  return parsed.success ? parsed.data : DEFAULT_PANEL_PREFS;
}

export async function savePanelPrefs(prefs: PanelPrefs): Promise<void> {
  await browser.storage.local.set({ [PREFS_KEY]: prefs });
}
