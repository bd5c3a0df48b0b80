import { createTranslator } from '../../../shared/i18n/translator.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

export type SignupLanguage = 'en' | 'es';

/**
 * Where the admin UI keeps the language its header switch chose (`admin-ui/i18n.ts`): the signup
 * opens from the admin UI, on the same origin, and speaks the same language.
 */
export const ADMIN_LANGUAGE_KEY = 'loro.admin.lang';

/** The admin UI's choice when there is one, else Spanish when the browser's language is, else English. */
export function signupLanguage(stored: string | null | undefined, browserLanguage: string | undefined): SignupLanguage {
  if (stored === 'en' || stored === 'es') return stored;
  return (browserLanguage ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The signup's `t()` in one language. */
export function signupWords(language: SignupLanguage) {
  return { language, t: createTranslator({ en, es }, () => language) };
}

export type SignupWords = ReturnType<typeof signupWords>;
