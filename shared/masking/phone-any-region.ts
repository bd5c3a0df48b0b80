import { type CountryCode, getCountries, Metadata, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/** The parts of libphonenumber's numbering plan read here (metadata format version 4). */
interface Plan {
  possibleLengths(): number[] | undefined;
  nationalPrefix(): string | undefined;
  type(kind: 'MOBILE' | 'FIXED_LINE'): { pattern(): string } | undefined;
  formats(): { pattern(): string; format(): string; leadingDigitsPatterns(): string[] }[];
}

interface Format {
  source: string;
  pattern: RegExp;
  leading: RegExp | undefined;
  format: string;
}

interface Region {
  country: CountryCode;
  lengths: ReadonlySet<number>;
  trunk: string;
  mobile: RegExp | undefined;
  fixed: RegExp | undefined;
  formats: Format[];
}

/** Only what a customer means by "my number": mobile and landline (not toll-free, premium, VoIP…). */
const PERSONAL = new Set(['MOBILE', 'FIXED_LINE', 'FIXED_LINE_OR_MOBILE']);

let regions: Region[] | undefined;

const whole = (pattern: string | undefined) => (pattern ? new RegExp(`^(?:${pattern})$`) : undefined);

/**
 * Every region's mobile and landline patterns and national formats, compiled once: regular
 * expressions rule out almost every region before libphonenumber is asked about the rest.
 */
function allRegions(): Region[] {
  if (regions) return regions;
  const metadata = new Metadata();
  regions = getCountries().flatMap((country) => {
    metadata.selectNumberingPlan(country);
    const plan = metadata.numberingPlan as unknown as Plan | undefined;
    if (!plan) return [];
    return [
      {
        country,
        lengths: new Set(plan.possibleLengths() ?? []),
        trunk: plan.nationalPrefix() || '',
        mobile: whole(plan.type('MOBILE')?.pattern()),
        fixed: whole(plan.type('FIXED_LINE')?.pattern()),
        formats: plan.formats().map((format) => {
          const leading = format.leadingDigitsPatterns().at(-1);
          return {
            source: format.pattern(),
            pattern: new RegExp(`^(?:${format.pattern()})$`),
            leading: leading ? new RegExp(`^(?:${leading})`) : undefined,
            format: format.format(),
          };
        }),
      },
    ];
  });
  return regions;
}

/** The group lengths a format pattern such as `(\\d{3})(\\d{2,3})([2-9]\\d)` can produce. */
function groupingsOf(pattern: string): number[][] {
  let result: number[][] = [[]];
  for (const group of pattern.match(/\((?:[^()]*)\)/g) ?? []) {
    let lengths = [0];
    for (const token of group.match(/(?:\\d|\[[^\]]+\]|\d)(?:\{\d+(?:,\d+)?\})?/g) ?? []) {
      const [, low = '1', high] = token.match(/\{(\d+)(?:,(\d+))?\}$/) ?? [];
      const counts: number[] = [];
      for (let n = Number(low); n <= Number(high ?? low); n++) counts.push(n);
      lengths = lengths.flatMap((length) => counts.map((n) => length + n));
    }
    result = result.flatMap((prefix) => lengths.map((length) => [...prefix, length]));
  }
  return result;
}

interface RegionIndex {
  /** Regions by the digit groups of their national formats ("3,2,2,2"), without trunk prefix. */
  byGrouping: Map<string, Region[]>;
  /** Regions with a trunk prefix, by that prefix. */
  byTrunk: Map<string, Region[]>;
  trunkLengths: number[];
}

let index: RegionIndex | undefined;

function regionIndex(): RegionIndex {
  if (index) return index;
  const byGrouping = new Map<string, Region[]>();
  const byTrunk = new Map<string, Region[]>();
  const add = (map: Map<string, Region[]>, key: string, region: Region) => {
    const list = map.get(key) ?? [];
    if (!list.includes(region)) list.push(region);
    map.set(key, list);
  };
  for (const region of allRegions()) {
    for (const format of region.formats) {
      for (const grouping of groupingsOf(format.source)) add(byGrouping, grouping.join(','), region);
    }
    if (region.trunk !== '') add(byTrunk, region.trunk, region);
  }
  const trunkLengths = [...new Set([...byTrunk.keys()].map((trunk) => trunk.length))];
  index = { byGrouping, byTrunk, trunkLengths };
  return index;
}

/**
 * The regions that could have written these digit groups nationally: the regions whose formats
 * give them, with or without a trunk prefix, and (two groups after a trunk prefix: "0151
 * 23456789") the regions with that prefix. Every other region is ruled out without a test.
 */
function candidateRegions(written: readonly number[], digits: string): Set<Region> {
  const { byGrouping, byTrunk, trunkLengths } = regionIndex();
  const found = new Set<Region>();
  const take = (grouping: readonly number[]) => {
    for (const region of byGrouping.get(grouping.join(',')) ?? []) found.add(region);
  };
  take(written);
  const [first = 0, ...rest] = written;
  for (const length of trunkLengths) {
    if (first > length) take([first - length, ...rest]);
    if (first === length) take(rest);
  }
  if (written.length <= 2) {
    for (const [trunk, regions] of byTrunk) {
      if (!digits.startsWith(trunk)) continue;
      for (const region of regions) found.add(region);
    }
  }
  return found;
}

/** The digit groups of the region's national format for a national significant number. */
function formattedGroups(region: Region, national: string): number[] | undefined {
  for (const format of region.formats) {
    if (format.leading && !format.leading.test(national)) continue;
    if (!format.pattern.test(national)) continue;
    return digitGroups(national.replace(format.pattern, format.format));
  }
  return undefined;
}

function digitGroups(text: string): number[] {
  return (text.match(/\d+/g) ?? []).map((group) => group.length);
}

function sameGroups(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((length, i) => length === b[i]);
}

/**
 * True when `written` is grouped the way the region writes its numbers: the digit groups of its
 * national format, with or without the trunk prefix ("098765 43210", "98765 43210"); or trunk
 * prefix and area code, then the rest ("0151 23456789", "030/123456").
 */
function writtenNationally(written: readonly number[], region: Region, national: string, withTrunk: boolean): boolean {
  const groups = formattedGroups(region, national);
  if (!groups) return false;
  if (!withTrunk) return sameGroups(written, groups);
  const trunk = region.trunk.length;
  if (sameGroups(written, [(groups[0] ?? 0) + trunk, ...groups.slice(1)])) return true;
  if (sameGroups(written, [trunk, ...groups])) return true;
  const [area = 0, rest = 0] = written;
  return written.length === 2 && area >= 3 && area <= 6 && rest >= 5;
}

/**
 * True when `candidate` (digits with spaces, dashes, dots, slashes or brackets) is a mobile or
 * landline number written in the national format of some region, any region. A run of digits
 * without separators counts only with its trunk prefix and as a mobile number ("07966197542"),
 * unless the text says it is a phone number (`bare: 'any'`, "tel: 612345678"): a bare run of
 * digits is more often an order or a reference than a phone number.
 */
export function nationalNumberOfAnyRegion(candidate: string, bare: 'with-trunk' | 'any' = 'with-trunk'): boolean {
  const digits = candidate.replace(/\D/g, '');
  const written = digitGroups(candidate);
  const searched = written.length === 1 && bare === 'any' ? allRegions() : candidateRegions(written, digits);
  for (const region of searched) {
    const withTrunk = region.trunk !== '' && digits.startsWith(region.trunk);
    const national = withTrunk ? digits.slice(region.trunk.length) : digits;
    if (!region.lengths.has(national.length)) continue;
    // Cheapest first: the grouping (or, for a bare run, the trunk prefix), then the number's type.
    if (written.length === 1) {
      const personal =
        bare === 'any'
          ? (region.mobile?.test(national) ?? false) || (region.fixed?.test(national) ?? false)
          : withTrunk && (region.mobile?.test(national) ?? false);
      if (!personal) continue;
    } else if (!writtenNationally(written, region, national, withTrunk)) {
      continue;
    } else if (!(region.mobile?.test(national) ?? false) && !(region.fixed?.test(national) ?? false)) {
      continue;
    }
    // The regular expressions are the quick filter; libphonenumber has the last word.
    const parsed = parsePhoneNumberFromString(candidate, region.country);
    if (parsed?.isValid() && parsed.country === region.country && PERSONAL.has(parsed.getType() ?? '')) return true;
  }
  return false;
}
