import { createTranslator } from '../../../shared/i18n/translator.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

export type ManagerLanguage = 'en' | 'es';

/** Spanish when the browser's language is, else English. */
export function managerLanguage(browserLanguage: string | undefined): ManagerLanguage {
  return (browserLanguage ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The page's typed `t()` in one language. */
export function managerWords(language: ManagerLanguage) {
  return createTranslator({ en, es }, () => language);
}

export type ManagerT = ReturnType<typeof managerWords>;
