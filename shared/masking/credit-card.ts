import { luhnValid } from './luhn.ts';
import type { SensitiveSpan } from './types.ts';

/** Issuer prefixes (IIN ranges) and the lengths each issues, from the networks' published tables. */
const issuers: { name: string; lengths: readonly number[]; matches: (digits: string) => boolean }[] = [
  { name: 'visa', lengths: [13, 16, 19], matches: (d) => d.startsWith('4') },
  {
    name: 'mastercard',
    lengths: [16],
    matches: (d) => {
      const two = Number(d.slice(0, 2));
      const four = Number(d.slice(0, 4));
      return (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720);
    },
  },
  { name: 'amex', lengths: [15], matches: (d) => /^3[47]/.test(d) },
  {
    name: 'discover',
    lengths: [16, 17, 18, 19],
    matches: (d) =>
      /^(6011|65|64[4-9])/.test(d) || (Number(d.slice(0, 6)) >= 622126 && Number(d.slice(0, 6)) <= 622925),
  },
  { name: 'diners', lengths: [14, 15, 16, 17, 18, 19], matches: (d) => /^(30[0-5]|3095|36|3[89])/.test(d) },
  {
    name: 'jcb',
    lengths: [16, 17, 18, 19],
    matches: (d) => Number(d.slice(0, 4)) >= 3528 && Number(d.slice(0, 4)) <= 3589,
  },
  { name: 'unionpay', lengths: [16, 17, 18, 19], matches: (d) => d.startsWith('62') },
  { name: 'maestro', lengths: [12, 13, 14, 15, 16, 17, 18, 19], matches: (d) => /^(5[06-9]|6[0-9])/.test(d) },
];

/**
 * Runs of digit groups joined by single spaces, dashes or dots, not right after a country code
 * ("+1 614 555 1234…"). A run never starts right after a
 * digit, a `+` (a phone number) or a `*` (the visible tail of an already masked value, which
 * must not merge with what follows into a new finding).
 */
const RUN = /(?<![\d+*])(?<!\+\d{1,3}[ .-])\d+(?:[ .-]\d+)*/g;

/**
 * A candidate that starts or ends inside a dash- or dot-joined token ("123-45-6789 4111…") is a
 * slice of something else, not a card written on its own.
 */
function glued(text: string, start: number, end: number): boolean {
  const joinedBefore = /[.-]/.test(text[start - 1] ?? '') && /\d/.test(text[start - 2] ?? '');
  const joinedAfter = /[.-]/.test(text[end] ?? '') && /\d/.test(text[end + 1] ?? '');
  return joinedBefore || joinedAfter;
}

export function isCardNumber(digits: string): boolean {
  if (digits.length < 12 || digits.length > 19) return false;
  if (!issuers.some((issuer) => issuer.lengths.includes(digits.length) && issuer.matches(digits))) return false;
  return luhnValid(digits);
}

/**
 * Payment card numbers: 12–19 digits, a known issuer prefix, and a valid Luhn checksum. Within a
 * run of digit groups every group boundary is tried as a start and an end (longest first), so a
 * card next to other numbers ("call 614 555 1234 4111 1111 1111 1111") is still found.
 */
export function detectCreditCards(text: string): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  for (const run of text.matchAll(RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((group) => ({
      digits: group[0],
      start: run.index + group.index,
      end: run.index + group.index + group[0].length,
    }));
    for (let first = 0; first < groups.length; first++) {
      for (let last = groups.length - 1; last >= first; last--) {
        const start = groups[first]?.start ?? 0;
        const end = groups[last]?.end ?? 0;
        const raw = text.slice(start, end);
        const digits = raw.replace(/\D/g, '');
        // One separator style per number: "4111 1111-1111.1111" is not how anyone writes a card.
        if (digits.length > 19 || new Set(raw.replace(/\d/g, '')).size > 1 || glued(text, start, end)) continue;
        // Printed cards are grouped in fours to sixes, the last group at least two digits ("… 0259 04"):
        // a group of one digit, or of two before the end, is something else.
        const short = groups
          .slice(first, last + 1)
          .some((group, i) => group.digits.length < (first + i === last ? 2 : 3));
        if (last > first && short) continue;
        if (!isCardNumber(digits)) continue;
        spans.push({ kind: 'credit_card', start, end });
        first = last;
        break;
      }
    }
  }
  return spans;
}
