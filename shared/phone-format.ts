import formats from './phone-formats.json';

/** Per calling code: [pattern, international format, last leading-digits pattern] (scripts/phone-formats.ts). */
const byCode: Record<string, readonly (readonly string[])[]> = formats;
/** libphonenumber's punctuation (VALID_PUNCTUATION), which international format turns into spaces. */
const PUNCTUATION =
  /[-\u2010-\u2015\u2212\u30FC\uFF0D\uFF0F/\uFF0E. \xA0\xAD\u200B\u2060\u3000()\uFF08\uFF09\uFF3B\uFF3D[\]~\u2053\u223C\uFF5E]+/g;

/**
 * `+16145551234` → `+1 614 555 1234`, for people to read; anything else (a masked number) as it
 * is. The same result as libphonenumber's `formatInternational()` (shared/phone-format.test.ts
 * checks every calling code against it) from its formats alone: the side panel's bundle stays
 * small without libphonenumber's code and validation metadata.
 */
export function formatPhone(e164: string): string {
  const digits = /^\+\d+$/.test(e164) ? e164.slice(1) : '';
  for (let length = 1; length <= 3; length++) {
    const code = digits.slice(0, length);
    const plan = byCode[code];
    if (!plan) continue;
    const national = digits.slice(length);
    if (national.length < 2 || national.length > 17) return e164;
    const [pattern = '', international = ''] =
      plan.find(
        ([pattern, , leading]) =>
          (!leading || national.search(new RegExp(leading)) === 0) && new RegExp(`^(?:${pattern})$`).test(national),
      ) ?? [];
    if (!pattern) return `+${code} ${national}`;
    return `+${code} ${national.replace(new RegExp(pattern), international).replace(PUNCTUATION, ' ').trim()}`;
  }
  return e164;
}
