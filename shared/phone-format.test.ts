import examples from 'libphonenumber-js/examples.mobile.json';
import metadata from 'libphonenumber-js/metadata.min.json';
import { getCountries, getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { phoneFormats } from '../scripts/phone-formats.ts';
import { formatPhone } from './phone-format.ts';
import formats from './phone-formats.json';

/** What libphonenumber itself makes of it: the reference formatPhone must match. */
const reference = (text: string) => parsePhoneNumberFromString(text)?.formatInternational() ?? text;

describe('formatPhone', () => {
  it.each([
    ['+16145551234', '+1 614 555 1234'],
    ['+34612345678', '+34 612 34 56 78'],
    ['+447911123456', '+44 7911 123456'],
    ['+525512345678', '+52 55 1234 5678'],
    ['+80012345678', '+800 1234 5678'],
    ['+34*****5678', '+34*****5678'],
    ['612345678', '612345678'],
    ['+999123', '+999123'],
  ])('%s → %s', (input, output) => {
    expect(formatPhone(input)).toBe(output);
    expect(formatPhone(input)).toBe(reference(input));
  });

  it("formats every country's example number as libphonenumber does", () => {
    const numbers = getCountries().flatMap((country) => getExampleNumber(country, examples)?.number ?? []);
    expect(numbers.length).toBeGreaterThan(200);
    expect(numbers.filter((number) => formatPhone(number) !== reference(number))).toEqual([]);
  });

  it('formats any number of any calling code as libphonenumber does (seeded random national numbers)', () => {
    // Numbers written with a trunk prefix after the calling code (+44 07…, not E.164; WhatsApp
    // never sends one) are left out: libphonenumber drops that prefix, formatPhone keeps every digit.
    const withoutTrunkPrefix = (number: string) => {
      const parsed = parsePhoneNumberFromString(number);
      return !parsed || 1 + parsed.countryCallingCode.length + parsed.nationalNumber.length === number.length;
    };
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const numbers = [...Object.keys(metadata.country_calling_codes), ...Object.keys(metadata.nonGeographic)].flatMap(
      (code) =>
        Array.from({ length: 40 }, () => {
          const length = 2 + Math.floor(random() * 14);
          return `+${code}${Array.from({ length }, () => Math.floor(random() * 10)).join('')}`;
        }),
    );
    const compared = numbers.filter(withoutTrunkPrefix);
    expect(compared.length).toBeGreaterThan(numbers.length * 0.9);
    const different = compared.filter((number) => formatPhone(number) !== reference(number));
    expect(different.map((number) => [number, formatPhone(number), reference(number)]).slice(0, 20)).toEqual([]);
  });

  it.each([
    ['+4407911123456', '+44 07911123456'],
    ['+33061234567', '+33 061234567'],
  ])('keeps a trunk prefix written after the calling code: %s → %s', (input, output) =>
    expect(formatPhone(input)).toBe(output),
  );

  it('uses formats derived from the installed libphonenumber (else run: npx tsx scripts/phone-formats.ts)', () => {
    expect(formats).toEqual(phoneFormats());
  });
});
