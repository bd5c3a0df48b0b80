import { type CountryCode, findNumbers, isSupportedCountry } from 'libphonenumber-js/max';
import type { SensitiveSpan } from './types.ts';

/**
 * Phone numbers that libphonenumber (full metadata) finds VALID: in international form anywhere,
 * and in national form for each of the given regions.
 */
export function detectPhones(text: string, regions: readonly string[] = []): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  const seen = new Set<string>();
  const add = (start: number, end: number) => {
    const key = `${start}:${end}`;
    // Right after a `*` is the visible tail of a masked value, not the start of a number.
    if (seen.has(key) || text[start - 1] === '*') return;
    seen.add(key);
    spans.push({ kind: 'phone', start, end });
  };
  for (const match of findNumbers(text, { v2: true })) {
    if (match.number.isValid()) add(match.startsAt, match.endsAt);
  }
  for (const region of regions) {
    const code = region.toUpperCase();
    if (!isSupportedCountry(code)) continue;
    for (const match of findNumbers(text, { defaultCountry: code as CountryCode, v2: true })) {
      if (match.number.isValid()) add(match.startsAt, match.endsAt);
    }
  }
  return spans;
}
