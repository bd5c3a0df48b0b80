import { MetaError } from './meta-error.ts';

/**
 * `fields=a,b`: Graph answers with just those fields (and always `id`). Nested selections
 * (`a{b}`) keep the whole field.
 */
export function selectFields<T extends Record<string, unknown>>(object: T, fields: string | undefined): Partial<T> {
  if (!fields) return object;
  const wanted = new Set(
    fields
      .split(/,(?![^{]*\})/)
      .map((field) => field.replace(/\{.*\}$/, '').trim())
      .filter(Boolean),
  );
  wanted.add('id');
  return Object.fromEntries(Object.entries(object).filter(([key]) => wanted.has(key))) as Partial<T>;
}

const cursor = (index: number) => Buffer.from(`i:${index}`).toString('base64url');
function position(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^i:(\d+)$/.exec(Buffer.from(value, 'base64url').toString());
  if (!match) throw new MetaError(400, 100, 'Invalid parameter after: not a cursor this list gave');
  return Number(match[1]);
}

/**
 * A Graph list page: `limit` (default 25, at most 1000 served) items after the `after` cursor (or before
 * `before`), with `paging.cursors` and `paging.next` when more follow.
 */
export function graphPage<T extends Record<string, unknown>>(
  items: T[],
  query: Record<string, string>,
  requestUrl: string,
): { data: Partial<T>[]; paging: { cursors: { before: string; after: string }; next?: string; previous?: string } } {
  const asked = query.limit === undefined ? 25 : Number(query.limit);
  if (!Number.isInteger(asked) || asked < 1) {
    throw new MetaError(400, 100, 'Invalid parameter limit: must be a positive whole number');
  }
  // Graph serves large limits in pages of its own size rather than refusing them.
  const limit = Math.min(asked, 1000);
  const after = position(query.after);
  const before = position(query.before);
  const start = after !== undefined ? after + 1 : before !== undefined ? Math.max(0, before - limit) : 0;
  const end = before !== undefined && after === undefined ? before : start + limit;
  const slice = items.slice(start, end);
  const link = (key: 'after' | 'before', value: string) => {
    const url = new URL(requestUrl);
    url.searchParams.delete('after');
    url.searchParams.delete('before');
    url.searchParams.set(key, value);
    return url.toString();
  };
  const first = cursor(start);
  const last = cursor(Math.max(start, start + slice.length - 1));
  return {
    data: slice.map((item) => selectFields(item, query.fields)),
    paging: {
      cursors: { before: first, after: last },
      ...(end < items.length ? { next: link('after', last) } : {}),
      ...(start > 0 ? { previous: link('before', first) } : {}),
    },
  };
}
