import { createTranslator } from '../../../shared/i18n/translator.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

export type CustomerLanguage = 'en' | 'es';

/** Spanish when the browser's language is, else English (the side panel's rule). */
export function customerLanguage(browserLanguage: string | undefined): CustomerLanguage {
  return (browserLanguage ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The customer simulator's typed `t()` in one language. */
export function customerWords(language: CustomerLanguage) {
  return createTranslator({ en, es }, () => language);
}

export type CustomerT = ReturnType<typeof customerWords>;
