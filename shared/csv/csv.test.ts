import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv, toCsv } from './csv.ts';

describe('CSV (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['Ventas, España', '"Ventas, España"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+34 699', "'+34 699"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['', ''],
  ])('writes %j as %s', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('reads back what it writes, formulas neutralised on the way out and restored on the way in', () => {
    const lines = [
      ['id', 'name', 'note'],
      ['1', '=cmd|calc', 'a, b'],
      ['2', 'say "hi"', 'two\r\nlines'],
      ['3', '', ''],
    ];
    const text = toCsv(lines);
    expect(text).toBe('id,name,note\r\n1,\'=cmd|calc,"a, b"\r\n2,"say ""hi""","two\r\nlines"\r\n3,,\r\n');
    expect(parseCsv(text)).toEqual({ ok: true, records: lines });
  });

  it('takes LF line ends, a byte-order mark, a missing last line end and quoted empty fields', () => {
    expect(parseCsv('\uFEFFa,b\nc,""')).toEqual({
      ok: true,
      records: [
        ['a', 'b'],
        ['c', ''],
      ],
    });
    expect(parseCsv('')).toEqual({ ok: true, records: [] });
  });

  it.each([
    ['a,b"c\n', 1, 'a quote inside an unquoted field: quote the whole field'],
    ['a\n"b"c,d\n', 2, 'text after a closing quote: quote the whole field'],
    ['a\nb,"never\nclosed\n', 2, 'a quote is never closed'],
  ])('refuses %j naming line %i', (text, line, message) => {
    expect(parseCsv(text)).toEqual({ ok: false, line, message });
  });
});
