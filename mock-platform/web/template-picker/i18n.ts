import type { SayError } from '../../../shared/errors/describe-failure.ts';
import { errorWordsEn, errorWordsEs } from '../../../shared/errors/error-words.ts';
import { createTranslator, fill } from '../../../shared/i18n/translator.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';

export type PickerLanguage = 'en' | 'es';

/** Spanish when the browser's language is, else English (the side panel's rule). */
export function pickerLanguage(browserLanguage: string | undefined): PickerLanguage {
  return (browserLanguage ?? '').toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** The picker's `t()` and, for refusals, the side panel's own error words (shared/errors) in the same language. */
export function pickerWords(language: PickerLanguage) {
  const errorWords = language === 'es' ? errorWordsEs : errorWordsEn;
  const sayError: SayError = (key, values) => fill(errorWords[key], values);
  return { t: createTranslator({ en, es }, () => language), sayError };
}

export type PickerWords = ReturnType<typeof pickerWords>;
