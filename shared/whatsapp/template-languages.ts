/**
 * The language codes Meta accepts for a message template (`language` of
 * `POST /{waba-id}/message_templates`), as its "Supported languages" page lists them
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/supported-languages,
 * updated 2026-05-21). Codes are case-sensitive and use an underscore: `en_US`, never `en-US`.
 * Each is given with its English name, as Meta's page names it.
 */
export const TEMPLATE_LANGUAGES = {
  af: 'Afrikaans',
  sq: 'Albanian',
  ar: 'Arabic',
  ar_EG: 'Arabic (EGY)',
  ar_AE: 'Arabic (UAE)',
  ar_LB: 'Arabic (LBN)',
  ar_MA: 'Arabic (MAR)',
  ar_QA: 'Arabic (QAT)',
  az: 'Azerbaijani',
  be_BY: 'Belarusian',
  bn: 'Bengali',
  bn_IN: 'Bengali (IND)',
  bg: 'Bulgarian',
  ca: 'Catalan',
  zh_CN: 'Chinese (CHN)',
  zh_HK: 'Chinese (HKG)',
  zh_TW: 'Chinese (TAI)',
  hr: 'Croatian',
  cs: 'Czech',
  da: 'Danish',
  prs_AF: 'Dari',
  nl: 'Dutch',
  nl_BE: 'Dutch (BEL)',
  en: 'English',
  en_GB: 'English (UK)',
  en_US: 'English (US)',
  en_AE: 'English (UAE)',
  en_AU: 'English (AUS)',
  en_CA: 'English (CAN)',
  en_GH: 'English (GHA)',
  en_IE: 'English (IRL)',
  en_IN: 'English (IND)',
  en_JM: 'English (JAM)',
  en_MY: 'English (MYS)',
  en_NZ: 'English (NZL)',
  en_QA: 'English (QAT)',
  en_SG: 'English (SGP)',
  en_UG: 'English (UGA)',
  en_ZA: 'English (ZAF)',
  et: 'Estonian',
  fil: 'Filipino',
  fi: 'Finnish',
  fr: 'French',
  fr_BE: 'French (BEL)',
  fr_CA: 'French (CAN)',
  fr_CH: 'French (CHE)',
  fr_CI: 'French (CIV)',
  fr_MA: 'French (MAR)',
  ka: 'Georgian',
  de: 'German',
  de_AT: 'German (AUT)',
  de_CH: 'German (CHE)',
  el: 'Greek',
  gu: 'Gujarati',
  ha: 'Hausa',
  he: 'Hebrew',
  hi: 'Hindi',
  hu: 'Hungarian',
  id: 'Indonesian',
  ga: 'Irish',
  it: 'Italian',
  ja: 'Japanese',
  kn: 'Kannada',
  kk: 'Kazakh',
  rw_RW: 'Kinyarwanda',
  ko: 'Korean',
  ky_KG: 'Kyrgyz (Kyrgyzstan)',
  lo: 'Lao',
  lv: 'Latvian',
  // TODO(2026-12-02): from here on, the long-standing codes only; the regional variants Meta's
  // page adds after Latvian (if any) are to be copied from it when it can be read in full.
  lt: 'Lithuanian',
  mk: 'Macedonian',
  ms: 'Malay',
  ml: 'Malayalam',
  mr: 'Marathi',
  nb: 'Norwegian',
  fa: 'Persian',
  pl: 'Polish',
  pt_BR: 'Portuguese (BR)',
  pt_PT: 'Portuguese (POR)',
  pa: 'Punjabi',
  ro: 'Romanian',
  ru: 'Russian',
  sr: 'Serbian',
  sk: 'Slovak',
  sl: 'Slovenian',
  es: 'Spanish',
  es_AR: 'Spanish (ARG)',
  es_ES: 'Spanish (SPA)',
  es_MX: 'Spanish (MEX)',
  sw: 'Swahili',
  sv: 'Swedish',
  ta: 'Tamil',
  te: 'Telugu',
  th: 'Thai',
  tr: 'Turkish',
  uk: 'Ukrainian',
  ur: 'Urdu',
  uz: 'Uzbek',
  vi: 'Vietnamese',
  zu: 'Zulu',
} as const;

export type TemplateLanguage = keyof typeof TEMPLATE_LANGUAGES;

/** Whether Meta accepts `code` as a template's language (case-sensitive, as Meta compares it). */
export function isTemplateLanguage(code: string): code is TemplateLanguage {
  return Object.hasOwn(TEMPLATE_LANGUAGES, code);
}

/** A close code Meta does accept, for the refusal: `en-US` → `en_US`, `ES_mx` → `es_MX`, `es_CO` → `es`. */
export function suggestedLanguage(code: string): TemplateLanguage | undefined {
  const [language = '', region] = code.split(/[-_]/);
  const fixed = region ? `${language.toLowerCase()}_${region.toUpperCase()}` : language.toLowerCase();
  if (isTemplateLanguage(fixed)) return fixed;
  const bare = language.toLowerCase();
  return isTemplateLanguage(bare) ? bare : undefined;
}
