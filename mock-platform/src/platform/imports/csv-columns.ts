import type { Issue } from '../domain-errors.ts';

/** A cell read into a body field's value, or why it cannot be. */
export type CellRead = { value: unknown } | { issue: string };

/** One column of a CSV export and import: its header, how a row is written in it, how a cell is read. */
export interface Column<R> {
  name: string;
  /** The cell of a row, whose version (audit entries about it) the export saw. */
  write(row: R, version: number): string;
  /** Absent: the column is written, never read into the body (the import reads id and version itself). */
  read?(cell: string): CellRead;
  /** Read on import, never written on export (a password). */
  importOnly?: true;
}

/** An empty cell means "none": the optional field is left out. */
const empty = (cell: string) => cell.trim() === '';

export function textColumn<R>(name: string, get: (row: R) => string | undefined): Column<R> {
  return { name, write: (row) => get(row) ?? '', read: (cell) => ({ value: empty(cell) ? undefined : cell }) };
}

export function numberColumn<R>(name: string, get: (row: R) => number | undefined): Column<R> {
  return {
    name,
    write: (row) => (get(row) === undefined ? '' : String(get(row))),
    read: (cell) =>
      empty(cell)
        ? { value: undefined }
        : /^-?\d+$/.test(cell.trim())
          ? { value: Number(cell.trim()) }
          : { issue: `must be a whole number, not ${cell}` },
  };
}

const TRUE = new Set(['true', 'yes', 'sí', 'si', '1']);
const FALSE = new Set(['false', 'no', '0']);

export function booleanColumn<R>(name: string, get: (row: R) => boolean | undefined): Column<R> {
  return {
    name,
    write: (row) => (get(row) === undefined ? '' : String(get(row))),
    read: (cell) => {
      const word = cell.trim().toLowerCase();
      if (word === '') return { value: undefined };
      if (TRUE.has(word)) return { value: true };
      if (FALSE.has(word)) return { value: false };
      return { issue: `must be true or false, not ${cell}` };
    },
  };
}

/** Nested settings (a service level, evaluation criteria) travel as JSON in their cell. */
export function jsonColumn<R>(name: string, get: (row: R) => unknown): Column<R> {
  return {
    name,
    write: (row) => (get(row) === undefined ? '' : JSON.stringify(get(row))),
    read: (cell) => {
      if (empty(cell)) return { value: undefined };
      try {
        return { value: JSON.parse(cell) };
      } catch {
        return { issue: 'must be JSON, as the export writes it' };
      }
    },
  };
}

/** One data line of a CSV, read by its header: the cells by column and the fields they give. */
export interface CsvLine {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: Map<string, string>;
  /** Body fields from the columns the file has; a present column's empty cell gives `undefined` (cleared). */
  fields: Record<string, unknown>;
  issues: Issue[];
}

/**
 * Reads the records after the header into lines: every column the file has must be one of
 * `columns` (named by its header), `required` ones must be there, and a line may not have more
 * cells than the header. Empty lines are skipped. Returns the header's issues instead, if any.
 */
export function readLines<R>(
  records: string[][],
  columns: readonly Column<R>[],
  required: readonly string[],
): { ok: true; lines: CsvLine[] } | { ok: false; issues: Issue[] } {
  const [header = [], ...rest] = records;
  const names = header.map((name) => name.trim());
  const known = new Set(columns.map((column) => column.name));
  const issues: Issue[] = [];
  names.forEach((name, index) => {
    if (!known.has(name))
      issues.push({
        path: `header.${index + 1}`,
        message: `${name || '(empty)'} is not a column: use ${[...known].join(', ')}`,
      });
    else if (names.indexOf(name) !== index)
      issues.push({ path: `header.${index + 1}`, message: `${name} is listed twice` });
  });
  for (const name of required)
    if (!names.includes(name)) issues.push({ path: 'header', message: `the ${name} column is required` });
  if (issues.length > 0) return { ok: false, issues };

  const lines: CsvLine[] = [];
  rest.forEach((record, index) => {
    if (record.every((cell) => cell.trim() === '')) return;
    const line: CsvLine = { row: index + 2, cells: new Map(), fields: {}, issues: [] };
    if (record.length > names.length)
      line.issues.push({ path: '(row)', message: `has ${record.length} cells, the header ${names.length}` });
    names.forEach((name, at) => {
      const cell = record[at] ?? '';
      line.cells.set(name, cell);
      const column = columns.find((candidate) => candidate.name === name);
      if (!column?.read) return;
      const read = column.read(cell);
      if ('issue' in read) line.issues.push({ path: name, message: read.issue });
      else line.fields[name] = read.value;
    });
    lines.push(line);
  });
  return { ok: true, lines };
}

/** `base` with the line's fields over it; fields read as `undefined` are left out (cleared). */
export function mergedBody(base: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ ...base, ...fields }).filter(([, value]) => value !== undefined));
}
