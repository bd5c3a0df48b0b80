import type { SensitiveSpan } from './types.ts';

/** IBAN length per country (SWIFT's IBAN registry). */
const IBAN_LENGTHS: Record<string, number> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GR: 27,
  GT: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MK: 19,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanChecksumValid(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return remainder === 1;
}

export function isIban(compact: string): boolean {
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  return expected === compact.length && /^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact) && ibanChecksumValid(compact);
}

const START = /(?<![A-Za-z0-9*])([A-Z]{2})\d{2}/g;

/**
 * IBANs written compact or in groups separated by single spaces. From each country-code start,
 * characters are taken until the country's exact length, so a following word is never swallowed.
 */
export function detectIbans(text: string): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  for (const match of text.matchAll(START)) {
    const expected = IBAN_LENGTHS[match[1] ?? ''];
    if (!expected) continue;
    let compact = '';
    let end = match.index;
    while (end < text.length && compact.length < expected) {
      const char = text[end] ?? '';
      if (/[A-Z0-9]/.test(char)) compact += char;
      else if (!(char === ' ' && /[A-Z0-9]/.test(text[end + 1] ?? '') && compact.length > 0)) break;
      end++;
    }
    if (compact.length !== expected || /[A-Za-z0-9]/.test(text[end] ?? '')) continue;
    if (isIban(compact)) spans.push({ kind: 'iban', start: match.index, end });
  }
  return spans;
}
