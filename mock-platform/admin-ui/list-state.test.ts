import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_SIZE, listQuery, nextSort, readListState, writeListState } from './list-state.ts';

describe('an admin list’s search, order and page, kept in the URL', () => {
  it('reads defaults from a bare route', () => {
    expect(readListState('#/users', 'users')).toEqual({ q: '', sort: undefined, limit: DEFAULT_PAGE_SIZE, trail: [] });
  });

  it('writes and reads back a state, leaving defaults out and other lists alone', () => {
    const hash = writeListState('#/routing?routing-queues.sort=name', 'routing-scripts', {
      q: 'ventas',
      sort: '-name',
      limit: 10,
      trail: ['script_a', 'script_b'],
    });
    expect(hash).toBe(
      '#/routing?routing-queues.sort=name&routing-scripts.q=ventas&routing-scripts.sort=-name&routing-scripts.limit=10&routing-scripts.at=script_a%2Cscript_b',
    );
    expect(readListState(hash, 'routing-scripts')).toEqual({
      q: 'ventas',
      sort: '-name',
      limit: 10,
      trail: ['script_a', 'script_b'],
    });
    expect(readListState(hash, 'routing-queues').sort).toBe('name');
    expect(
      writeListState(hash, 'routing-scripts', { q: '', sort: undefined, limit: DEFAULT_PAGE_SIZE, trail: [] }),
    ).toBe('#/routing?routing-queues.sort=name');
  });

  it.each([
    ['#/users?users.limit=7', 'limit', DEFAULT_PAGE_SIZE],
    ['#/users?users.sort=name;drop', 'sort', undefined],
  ])('ignores what the list cannot use: %s', (hash, field, value) => {
    expect(readListState(hash, 'users')[field as 'limit' | 'sort']).toBe(value);
  });

  it.each([
    [undefined, 'name', 'name'],
    ['name', 'name', '-name'],
    ['-name', 'name', 'name'],
    ['-name', 'username', 'username'],
  ])('sort %s, click on %s → %s', (current, field, next) => {
    expect(nextSort(current, field)).toBe(next);
  });

  it('asks the API for the current page', () => {
    expect(listQuery({ q: ' ana ', sort: '-username', limit: 10, trail: ['u1', 'u2'] })).toBe(
      '?q=ana&sort=-username&limit=10&cursor=u2',
    );
    expect(listQuery({ q: '', sort: undefined, limit: 25, trail: [] })).toBe('?limit=25');
  });
});
