import { type CountryCode, findNumbers, isSupportedCountry } from 'libphonenumber-js/max';
import type { SensitiveSpan } from './types.ts';

const ALNUM = /[\p{L}\p{N}]/u;
const JOINER = /[-/._#]/;

/**
 * True when the match is glued to an identifier ("INV-2026-004512", "ref/612345678"): a code that
 * happens to contain a valid number is not a phone number. Right after a `*` is the visible tail
 * of an already masked value, which must not merge with what follows.
 */
function partOfIdentifier(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (before === '*' || ALNUM.test(before) || ALNUM.test(after)) return true;
  if (JOINER.test(before) && ALNUM.test(text[start - 2] ?? '')) return true;
  return JOINER.test(after) && ALNUM.test(text[end + 1] ?? '');
}

/**
 * Phone numbers that libphonenumber (full metadata) finds VALID: in international form anywhere,
 * and in national form for each of the given regions.
 */
export function detectPhones(text: string, regions: readonly string[] = []): SensitiveSpan[] {
  // Fewer than 6 digits cannot be a phone number anywhere: skip the costly search.
  if ((text.match(/\d/g)?.length ?? 0) < 6) return [];
  const spans: SensitiveSpan[] = [];
  const seen = new Set<string>();
  const search = (defaultCountry?: CountryCode) => {
    for (const match of findNumbers(text, defaultCountry ? { defaultCountry, v2: true } : { v2: true })) {
      const key = `${match.startsAt}:${match.endsAt}`;
      if (seen.has(key) || !match.number.isValid() || partOfIdentifier(text, match.startsAt, match.endsAt)) continue;
      seen.add(key);
      spans.push({ kind: 'phone', start: match.startsAt, end: match.endsAt });
    }
  };
  const supported = regions.map((region) => region.toUpperCase()).filter((region) => isSupportedCountry(region));
  // A search with a default country also finds international numbers: one pass per region is enough.
  if (supported.length === 0) search();
  for (const region of supported) search(region as CountryCode);
  return spans;
}
