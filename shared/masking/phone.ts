import { type CountryCode, findNumbers, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isAmountOrDate, isLookAlike, isNamedCode } from './look-alikes.ts';
import { nationalNumberOfAnyRegion } from './phone-any-region.ts';
import type { SensitiveSpan } from './types.ts';

const ALNUM = /[\p{L}\p{N}]/u;
const JOINER = /[-/._#]/;
/** Characters a written phone number is made of: a run of them is a candidate ("." + space ends it). */
const RUN = /[+(]?\d(?:(?:[\d ()\-/]|\.(?! ))*\d)?\)?/g;
const MAX_DIGITS = 17;
/**
 * A number in international form: `+`, then groups of digits (brackets allowed) separated by a
 * space, dot or dash. A group right before `:` or `/` and a digit is a time or a date, not part of it.
 */
const INTERNATIONAL = /\+ ?(?:\(\d+\)|\d+)(?![\d:/]\d)(?:[ .-]{1,2}(?:\(\d+\)|\d+)(?!\d|[:/]\d))*/g;
const GROUP = /\(\d+\)|\d+/g;
/** E.164: at most 15 digits; fewer than 8 is not a number anyone would dial internationally. */
const INTERNATIONAL_DIGITS = { min: 8, max: 15 };
/** National significant numbers are 6 to 13 digits long (with a trunk prefix, 14). */
const NATIONAL_DIGITS = { min: 6, max: 14 };

/**
 * True when the match is glued to an identifier ("INV-2026-004512", "ref/612345678"): a code that
 * happens to contain a valid number is not a phone number. Right after a `*` is the visible tail
 * of an already masked value, which must not merge with what follows.
 */
function partOfIdentifier(text: string, start: number, end: number): boolean {
  const after = text[end] ?? '';
  if (gluedBefore(text, start) || ALNUM.test(after)) return true;
  return JOINER.test(after) && ALNUM.test(text[end + 1] ?? '');
}

function gluedBefore(text: string, start: number): boolean {
  const before = text[start - 1] ?? '';
  if (before === '*' || ALNUM.test(before)) return true;
  return JOINER.test(before) && ALNUM.test(text[start - 2] ?? '');
}

/** The minutes of a time ("10:30 612 34 56 78") are not the start of a number. */
function minutesOfTime(text: string, start: number): boolean {
  return text[start - 1] === ':' && /\d/.test(text[start - 2] ?? '');
}

/** Said to be a phone number: "tel:", "my mobile is", "llámame al", "WhatsApp". */
const PHONE_CONTEXT =
  /(?<![\p{L}])(?:tel[eé]fonos?|tel|tlf|telf|phone|mobile|cell|m[oó]vil|celular|cel|whats ?app|call|ring|llam[ae]me|ll[aá]mame|ll[aá]manos|fijo|landline|handy|fone|contacto|contact)(?![\p{L}])[^\d\n]{0,25}$/iu;

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
 * Phone numbers: those libphonenumber (full metadata) finds VALID, in international form anywhere
 * and in national form for each of the given regions (the customer's and the channel's); then any
 * other number in international form, valid or not; then numbers written in the national format
 * of any other region.
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
    if (covered(start, end) || partOfIdentifier(text, start, end) || minutesOfTime(text, start)) return false;
    // Dates, amounts and named codes stay, unless written in international form.
    if (searchable[start] !== '+' && isLookAlike(text, start, end)) return false;
    spans.push({ kind: 'phone', start, end });
    return true;
  };

  internationalForms(searchable, accept);
  // A search with a default country also finds international numbers: one pass per region is enough.
  for (const region of supported.length > 0 ? supported : [undefined]) {
    for (const match of findNumbers(searchable, region ? { defaultCountry: region, v2: true } : { v2: true })) {
      if (match.number.isValid()) accept(match.startsAt, withoutExtension(searchable, match));
    }
  }

  for (const run of searchable.matchAll(RUN)) {
    if ((run[0].match(/\d/g)?.length ?? 0) < 6 || runIsCode(text, run.index, run.index + run[0].length)) continue;
    // Groups already inside a found number are left out; the rest of the run is still searched.
    const groups = [...run[0].matchAll(/[+(]?\d+\)?/g)]
      .map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }))
      .filter((g, i, all) => !covered(g.start, g.end) && !inBlocksOfFour(searchable, all, i));
    // Only up to the first number found in the run: what follows it is no longer the code's.
    let named = isNamedCode(text, run.index) && !covered(run.index, run.index + run[0].length);
    for (let first = 0; first < groups.length; first++) {
      for (let last = groups.length - 1; last >= first; last--) {
        const start = groups[first]?.start ?? 0;
        const end = groups[last]?.end ?? 0;
        const candidate = searchable.slice(start, end);
        const digits = candidate.replace(/\D/g, '').length;
        if (named && (start === run.index || digits < DIGITS_AFTER_A_CODE)) continue;
        if (digits < 6 || digits > MAX_DIGITS || !validIn(candidate, supported)) continue;
        if (accept(start, end)) {
          named = false;
          first = last;
          break;
        }
      }
    }
  }

  nationalFormsOfAnyRegion(text, searchable, covered, accept);
  // An area code in brackets right before a number found without it ("(11) 91234-5678" read as a
  // Spanish number) is part of it.
  for (const span of spans) {
    const area = searchable.slice(0, span.start).match(/\(\d{1,5}\) ?$/);
    if (area && !covered(span.start - area[0].length, span.start)) span.start -= area[0].length;
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * Where the number found ends, an extension left out: libphonenumber reads ", 0151" after a
 * number as its extension, and the next number would then lose its first digits to it.
 */
function withoutExtension(text: string, match: { startsAt: number; endsAt: number; number: { ext?: string } }): number {
  const ext = match.number.ext;
  if (!ext) return match.endsAt;
  const found = text.slice(match.startsAt, match.endsAt);
  const at = found.lastIndexOf(ext);
  if (at <= 0) return match.endsAt;
  return match.startsAt + found.slice(0, at).replace(/[^\d)]+$/, '').length;
}

/**
 * A run of digits that continues a code in blocks of four ("ES92 2100 0418…", "RF18 5390 0754"),
 * has a card's shape, or is an amount or a date ("1 234 567", "21/11/2026"): no part of it is a
 * phone number. (Any other run glued to letters loses only its glued group: "A-1042 612 34 56 78".)
 */
function runIsCode(text: string, start: number, end: number): boolean {
  if (text[start] === '+') return false;
  if (isAmountOrDate(text, start, end)) return true;
  const blocks = text.slice(start, end).split(/[^\d]+/);
  const inFours = (list: string[]) =>
    list.length > 0 && list.every((block, i) => block.length === 4 || (i === list.length - 1 && block.length < 4));
  // A card number that fails its checksum ("4111 1111 1111 1112") is no phone number either.
  const digits = blocks.join('').length;
  if (inFours(blocks) && blocks.length >= 3 && digits >= 12 && digits <= 19) return true;
  return gluedBefore(text, start) && inFours(blocks.slice(1));
}

/**
 * After "order nº" or "Invoice:", the run's first groups are that code ("pedido nº 612 34 56 78"
 * stays); only a long number after it in the same run ("pedido 1042 07966 197542") is a phone
 * number.
 */
const DIGITS_AFTER_A_CODE = 10;

/**
 * True when group `i` is one of four or more groups of four digits in a row: the shape of a card
 * number (one that failed its checksum is kept as it is), never of a phone number.
 */
function inBlocksOfFour(text: string, groups: readonly { start: number; end: number }[], i: number): boolean {
  const four = (j: number) => {
    const group = groups[j];
    return group !== undefined && /^\d{4}$/.test(text.slice(group.start, group.end));
  };
  if (!four(i)) return false;
  let first = i;
  let last = i;
  while (four(first - 1)) first--;
  while (four(last + 1)) last++;
  // A card has four such groups; with some left over ("5678 4111 1111 1111 1112 0151"), only the
  // groups inside every way of cutting the row into cards are taken as a card's.
  const count = last - first + 1;
  const position = i - first;
  return count >= 4 && position >= count % 4 && position < count - (count % 4);
}

type Accept = (start: number, end: number) => boolean;

function digitCount(value: string): number {
  return value.replace(/\D/g, '').length;
}

/**
 * Every number written in international form is masked, valid or not: a typo or an unassigned
 * area code ("+ 1 (123) 456 7890") is still the customer's personal data. Of the groups after the
 * `+`, the longest run that libphonenumber finds valid is taken, else the longest possible one,
 * else the longest with 8 to 15 digits, so that a quantity written after the number stays.
 */
function internationalForms(searchable: string, accept: Accept): void {
  for (const match of searchable.matchAll(INTERNATIONAL)) {
    const ends = [...match[0].matchAll(GROUP)].map((group) => match.index + group.index + group[0].length);
    const candidates = ends
      .map((end) => ({ end, value: searchable.slice(match.index, end) }))
      .filter(({ value }) => {
        const digits = digitCount(value);
        return digits >= INTERNATIONAL_DIGITS.min && digits <= INTERNATIONAL_DIGITS.max;
      })
      .reverse();
    const read = candidates.map((candidate) => {
      const number = parsePhoneNumberFromString(candidate.value.replace(/^\+\s+/, '+'));
      // Read exactly as written: not with trailing digits taken for an extension.
      const exact =
        number && number.countryCallingCode.length + number.nationalNumber.length === digitCount(candidate.value);
      return { ...candidate, valid: exact && number.isValid(), possible: exact && number.isPossible() };
    });
    const preferred = [...read.filter((c) => c.valid), ...read.filter((c) => c.possible && !c.valid), ...read];
    for (const candidate of preferred) if (accept(match.index, candidate.end)) break;
  }
}

/**
 * Numbers written in the national format of any region (not only the customer's and the
 * channel's): "612 34 56 78" from a British customer on an American channel is still a Spanish
 * mobile number. Each run of phone-number characters not glued to a code is tried group by group,
 * longest first; dates, amounts and named codes are left alone.
 */
function nationalFormsOfAnyRegion(
  text: string,
  searchable: string,
  covered: (start: number, end: number) => boolean,
  accept: Accept,
): void {
  for (const run of searchable.matchAll(RUN)) {
    if (digitCount(run[0]) < NATIONAL_DIGITS.min || runIsCode(text, run.index, run.index + run[0].length)) continue;
    const groups = [...run[0].matchAll(GROUP)]
      .map((g) => ({ start: run.index + g.index, end: run.index + g.index + g[0].length }))
      .filter((g, i, all) => !covered(g.start, g.end) && !inBlocksOfFour(searchable, all, i));
    // Only up to the first number found in the run: what follows it is no longer the code's.
    let named = isNamedCode(text, run.index) && !covered(run.index, run.index + run[0].length);
    for (let first = 0; first < groups.length; first++) {
      for (let last = groups.length - 1; last >= first; last--) {
        const start = groups[first]?.start ?? 0;
        const end = groups[last]?.end ?? 0;
        const candidate = searchable.slice(start, end);
        const digits = digitCount(candidate);
        if (digits < NATIONAL_DIGITS.min || digits > NATIONAL_DIGITS.max || covered(start, end)) continue;
        if (named && (start === run.index || digits < DIGITS_AFTER_A_CODE)) continue;
        if (partOfIdentifier(text, start, end) || minutesOfTime(text, start) || isAmountOrDate(text, start, end))
          continue;
        const bare = PHONE_CONTEXT.test(text.slice(Math.max(0, start - 40), start)) ? 'any' : 'with-trunk';
        if (nationalNumberOfAnyRegion(candidate, bare) && accept(start, end)) {
          named = false;
          first = last;
          break;
        }
      }
    }
  }
}
