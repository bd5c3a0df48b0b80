import type { ChannelPermission } from '../../shared/api/permissions.ts';
import { createTranslator } from '../../shared/i18n/translator.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

/**
 * The admin UI's language and its one `t()`: the text lives in `locales/` (one file per language,
 * English the source); the browser's language picks, the header switches.
 */
export type { AdminKey } from './locales/en.ts';

export const dictionaries = { en, es } as const;
export type Language = keyof typeof dictionaries;

const STORAGE_KEY = 'loro.admin.lang';
let current: Language = pick();

function pick(): Language {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (stored === 'en' || stored === 'es') return stored;
  return globalThis.navigator?.language?.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export const language = () => current;
export function setLanguage(next: Language): void {
  current = next;
  globalThis.localStorage?.setItem(STORAGE_KEY, next);
}

/** The text for `key` (a key of locales/en.ts) in the current language, `{name}` placeholders filled. */
export const t = createTranslator(dictionaries, language);

export const permissionList = [
  'reply',
  'templates',
  'transfer',
  'conference',
  'end',
] as const satisfies readonly ChannelPermission[];
export const permissionLabel = (permission: ChannelPermission) => t(`perm_${permission}`);

export function weekdayName(day: number): string {
  // 2024-01-01 was a Monday.
  return new Intl.DateTimeFormat(current, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, day));
}

export function formatTime(at: number): string {
  return new Intl.DateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
