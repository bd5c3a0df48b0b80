import { type CountryCode, findNumbers, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { SensitiveSpan } from './types.ts';

const ALNUM = /[\p{L}\p{N}]/u;
const JOINER = /[-/._#]/;
/** Characters a written phone number is made of: a run of them is a candidate. */
const RUN = /[+(]?\d(?:[\d ().\-/]*\d)?\)?/g;
const MAX_DIGITS = 17;

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
 * Brackets that cannot belong to a number (an opening one not followed by a digit, a closing one
 * not preceded by one) become spaces, offsets unchanged: libphonenumber reads "( +44 7966…" as one
 * candidate with an unbalanced bracket and drops the whole of it.
 */
function withoutStrayBrackets(text: string): string {
  return text.replace(/[([{](?!\d)|(?<!\d)[)\]}]/g, ' ');
}

function validIn(candidate: string, regions: readonly CountryCode[]): boolean {
  if (candidate.startsWith('+')) return parsePhoneNumberFromString(candidate)?.isValid() ?? false;
  return regions.some((region) => parsePhoneNumberFromString(candidate, region)?.isValid() ?? false);
}

/**
 * Phone numbers that libphonenumber (full metadata) finds VALID: in international form anywhere,
 * and in national form for each of the given regions.
 *
 * libphonenumber's finder reads a run of digits as one candidate and drops all of it when the
 * candidate fails ("10:30 612 34 56 78" hides the number after the time). So every run of
 * phone-number characters it left uncovered is tried again group by group, longest first.
 */
export function detectPhones(text: string, regions: readonly string[] = []): SensitiveSpan[] {
  // Fewer than 6 digits cannot be a phone number anywhere: skip the costly search.
  if ((text.match(/\d/g)?.length ?? 0) < 6) return [];
  const supported = regions.map((r) => r.toUpperCase()).filter((r) => isSupportedCountry(r)) as CountryCode[];
  const searchable = withoutStrayBrackets(text);
  const spans: SensitiveSpan[] = [];
  const covered = (start: number, end: number) => spans.some((s) => start < s.end && end > s.start);
  const accept = (start: number, end: number) => {
    if (covered(start, end) || partOfIdentifier(text, start, end)) return false;
    spans.push({ kind: 'phone', start, end });
    return true;
  };

  // A search with a default country also finds international numbers: one pass per region is enough.
  for (const region of supported.length > 0 ? supported : [undefined]) {
    for (const match of findNumbers(searchable, region ? { defaultCountry: region, v2: true } : { v2: true })) {
      if (match.number.isValid()) accept(match.startsAt, match.endsAt);
    }
  }

  for (const run of searchable.matchAll(RUN)) {
    if ((run[0].match(/\d/g)?.length ?? 0) < 6) continue;
    // Groups already inside a found number are left out; the rest of the run is still searched.
    const groups = [...run[0].matchAll(/[+(]?\d+\)?/g)]
      .map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }))
      .filter((g) => !covered(g.start, g.end));
    for (let first = 0; first < groups.length; first++) {
      for (let last = groups.length - 1; last >= first; last--) {
        const start = groups[first]?.start ?? 0;
        const end = groups[last]?.end ?? 0;
        const candidate = searchable.slice(start, end);
        const digits = candidate.replace(/\D/g, '').length;
        if (digits < 6 || digits > MAX_DIGITS || !validIn(candidate, supported)) continue;
        if (accept(start, end)) {
          first = last;
          break;
        }
      }
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
