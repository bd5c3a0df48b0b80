/**
 * CSV as RFC 4180 says it (comma-separated, CRLF line ends, fields with `"`, `,` or a line break
 * quoted, `"` doubled inside quotes), for the admin UI's and the platform's exports and imports.
 *
 * A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, a tab or a carriage return at
 * its start) is written with a `'` in front, so a customer's or a user's name can never run as one
 * (OWASP's "CSV injection"); `parseCsv` takes that `'` away again, so an export imports unchanged.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, neutralised and quoted as needed. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Lines of cells as one CSV text, every line (the last too) ended by CRLF. */
export function toCsv(lines: readonly (readonly string[])[]): string {
  return lines.map((line) => `${line.map(csvCell).join(',')}\r\n`).join('');
}

export type CsvParse = { ok: true; records: string[][] } | { ok: false; line: number; message: string };

/**
 * Records of a CSV text: quoted fields may hold commas, doubled quotes and line breaks; CRLF and
 * LF both end a record; a byte-order mark and a last empty line are ignored. A cell written
 * neutralised (`'=SUM(A1)`) reads as it was (`=SUM(A1)`). Refused: a quote inside an unquoted
 * field, text after a closing quote, a quote never closed (with the line where it happened).
 */
export function parseCsv(text: string): CsvParse {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let quoteLine = 1;
  const endField = () => {
    record.push(unneutralised(field));
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i] as string;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
          const next = source[i + 1];
          if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n')
            return { ok: false, line, message: 'text after a closing quote: quote the whole field' };
        }
      } else {
        if (char === '\n') line++;
        field += char;
      }
      continue;
    }
    if (char === '"') {
      if (field !== '') return { ok: false, line, message: 'a quote inside an unquoted field: quote the whole field' };
      quoted = true;
      wasQuoted = true;
      quoteLine = line;
    } else if (char === ',') endField();
    else if (char === '\r' || char === '\n') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endField();
      records.push(record);
      record = [];
      line++;
    } else field += char;
  }
  if (quoted) return { ok: false, line: quoteLine, message: 'a quote is never closed' };
  if (field !== '' || wasQuoted || record.length > 0) {
    endField();
    records.push(record);
  }
  return { ok: true, records };
}

/** `'=x` as `csvCell` wrote `=x`, quoted or not; other cells as they are. */
function unneutralised(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
