import type { SensitiveSpan } from './types.ts';

/** The Social Security Administration never issues area 000, 666 or 900–999, group 00, serial 0000. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  return a !== 0 && a !== 666 && a < 900 && group !== '00' && serial !== '0000';
}

// Written with dashes or spaces (the same twice), or as 9 bare digits right after a keyword:
// a bare 9-digit number alone is far more often an order or ticket number.
const SEPARATED = /(?<![\d*-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const BARE_AFTER_KEYWORD =
  /\b(?:ssn|social security(?: number| no\.?)?|seguro social|n[uú]mero de seguro social)\b\D{0,12}?(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)/gi;

/** US social security numbers with the invalid areas, groups and serials rejected. */
export function detectSsns(text: string): SensitiveSpan[] {
  const spans: SensitiveSpan[] = [];
  for (const match of text.matchAll(SEPARATED)) {
    if (isValidSsn(match[1] ?? '', match[3] ?? '', match[4] ?? '')) {
      spans.push({ kind: 'ssn', start: match.index, end: match.index + match[0].length });
    }
  }
  for (const match of text.matchAll(BARE_AFTER_KEYWORD)) {
    const digits = `${match[1]}${match[2]}${match[3]}`;
    if (!isValidSsn(match[1] ?? '', match[2] ?? '', match[3] ?? '')) continue;
    const end = match.index + match[0].length;
    spans.push({ kind: 'ssn', start: end - digits.length, end });
  }
  return spans;
}
