/**
 * Where an admin list is — search, order, page size and the pages walked through — kept in the
 * page's URL (`#/users?users.sort=-username&users.limit=25&users.at=c1,c2`), so a reload or a
 * shared link shows the same page. Each list's keys start with its API path: a page with two
 * lists (routing scripts and queues) keeps both. `at` is the trail of cursors: its last one is
 * the current page's, and "previous" drops it (the API pages forward only).
 */
export interface ListState {
  q: string;
  sort: string | undefined;
  limit: number;
  trail: string[];
}

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

function split(hash: string): { route: string; params: URLSearchParams } {
  const [route = '', query = ''] = hash.replace(/^#/, '').split('?');
  return { route, params: new URLSearchParams(query) };
}

/** The list's state as the URL's hash says it (defaults for what it does not say). */
export function readListState(hash: string, key: string): ListState {
  const { params } = split(hash);
  const limit = Number(params.get(`${key}.limit`));
  const sort = params.get(`${key}.sort`);
  const trail = params.get(`${key}.at`);
  return {
    q: params.get(`${key}.q`) ?? '',
    sort: sort && /^-?\w{1,64}$/.test(sort) ? sort : undefined,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_PAGE_SIZE,
    trail: trail ? trail.split(',').filter(Boolean) : [],
  };
}

/** The hash with the list's state written in (defaults left out), other lists' keys kept. */
export function writeListState(hash: string, key: string, state: ListState): string {
  const { route, params } = split(hash);
  const set = (name: string, value: string | undefined) =>
    value ? params.set(`${key}.${name}`, value) : params.delete(`${key}.${name}`);
  set('q', state.q.trim() || undefined);
  set('sort', state.sort);
  set('limit', state.limit === DEFAULT_PAGE_SIZE ? undefined : String(state.limit));
  set('at', state.trail.length > 0 ? state.trail.join(',') : undefined);
  const query = params.toString();
  return `#${route}${query ? `?${query}` : ''}`;
}

/** A click on a column's header: ascending first, then descending, then ascending again. */
export function nextSort(current: string | undefined, field: string): string {
  return current === field ? `-${field}` : field;
}

/** The list API's query for the state: `?q=…&sort=…&limit=…&cursor=…`. */
export function listQuery(state: ListState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.sort) params.set('sort', state.sort);
  params.set('limit', String(state.limit));
  const cursor = state.trail.at(-1);
  if (cursor) params.set('cursor', cursor);
  return `?${params.toString()}`;
}
