import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import metadata from 'libphonenumber-js/metadata.min.json';

/**
 * What formatting a number for people needs of libphonenumber's metadata: per calling code, its
 * main country's formats as [pattern, international format, last leading-digits pattern]. Other
 * countries sharing a code have no formats of their own (libphonenumber falls back to the main
 * one's), so the country never matters. A fraction of the metadata's size: the side panel ships
 * this instead of libphonenumber (shared/phone-format.ts). `npx tsx scripts/phone-formats.ts`
 * writes it; shared/phone-format.test.ts fails when it no longer matches the installed metadata.
 */
type Plan = readonly unknown[];
type RawFormat = readonly [string, string, (readonly string[] | 0)?, unknown?, unknown?, string?];

export function phoneFormats(
  source: {
    country_calling_codes: Record<string, readonly string[]>;
    countries: Record<string, Plan>;
    nonGeographic?: Record<string, Plan>;
  } = metadata as never,
): Record<string, [string, string, string][]> {
  const out: Record<string, [string, string, string][]> = {};
  // Non-geographic codes (+800, +882…) are listed apart, with their own plan.
  const codes = { ...source.country_calling_codes };
  for (const code of Object.keys(source.nonGeographic ?? {})) codes[code] ??= ['001'];
  for (const [code, countries] of Object.entries(codes)) {
    const main = countries[0] ?? '';
    const plan = main === '001' ? source.nonGeographic?.[code] : source.countries[main];
    const formats = ((plan?.[4] || []) as readonly RawFormat[]).map(
      ([pattern, format, leading, , , international]): [string, string, string] => [
        pattern,
        international || format,
        (leading || []).at(-1) ?? '',
      ],
    );
    out[code] = formats;
  }
  return out;
}

if (process.argv[1]?.endsWith('phone-formats.ts')) {
  const file = join(import.meta.dirname, '..', 'shared', 'phone-formats.json');
  writeFileSync(file, `${JSON.stringify(phoneFormats())}\n`);
  console.log(`wrote ${file}`);
}
