import { z } from '@hono/zod-openapi';
import { invalidField } from '../http/errors.ts';

/** Search, order and paging of an admin list: `?q=&sort=-name&limit=50&cursor=…`. */
export const listQuerySchema = z.object({
  q: z.string().max(200).optional(),
  sort: z
    .string()
    .regex(/^-?\w{1,64}$/, 'must be a field name, with - in front for descending')
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

const comparable = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === undefined;

/**
 * One page of rows: those whose text contains `q` (case- and accent-insensitive), ordered by a
 * top-level field (ties by id, so pages are stable), starting after the `cursor` row. `next` is
 * the cursor of the following page (undefined on the last one).
 */
export function listPage<R extends { id: string }>(
  rows: readonly R[],
  query: ListQuery,
  text: (row: R) => string,
): { rows: R[]; next?: string } {
  const fold = (value: string) =>
    value
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLocaleLowerCase();
  const needle = query.q ? fold(query.q.trim()) : '';
  let found = needle ? rows.filter((row) => fold(text(row)).includes(needle)) : [...rows];
  if (query.sort) {
    const descending = query.sort.startsWith('-');
    const field = query.sort.replace(/^-/, '');
    const value = (row: R) => (row as Record<string, unknown>)[field];
    // An empty list orders by anything: the UI keeps its order while the list is still empty.
    if ((rows.length > 0 && !rows.some((row) => field in row)) || !rows.every((row) => comparable(value(row)))) {
      throw invalidField('sort', `${field} is not a field these rows can be ordered by`);
    }
    const key = (row: R): string | number | boolean => {
      const v = value(row);
      return typeof v === 'string' ? fold(v) : typeof v === 'number' || typeof v === 'boolean' ? v : '';
    };
    found = found.sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = x < y ? -1 : x > y ? 1 : a.id.localeCompare(b.id);
      return descending ? -order : order;
    });
  }
  const start = query.cursor ? found.findIndex((row) => row.id === query.cursor) + 1 : 0;
  if (query.cursor && start === 0) throw invalidField('cursor', 'is not a row of this list: start again without it');
  const limit = query.limit ?? found.length;
  const page = found.slice(start, start + limit);
  const last = page.at(-1);
  return start + limit < found.length && last ? { rows: page, next: last.id } : { rows: page };
}
