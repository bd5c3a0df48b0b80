import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import { listPage } from './list-query.ts';

const rows = [
  { id: 'u1', name: 'Ana', capacity: 3 },
  { id: 'u2', name: 'bruno', capacity: 5 },
  { id: 'u3', name: 'Álvaro', capacity: 3 },
  { id: 'u4', name: 'Carla', capacity: 1 },
];
const text = (row: { name: string }) => row.name;
const ids = (page: { rows: { id: string }[] }) => page.rows.map((row) => row.id);

describe('admin lists: search, order, pages', () => {
  it.each([
    [{ q: 'al' }, ['u3']],
    [{ q: 'ALVARO' }, ['u3']],
    [{ sort: 'name' }, ['u3', 'u1', 'u2', 'u4']],
    [{ sort: '-capacity' }, ['u2', 'u3', 'u1', 'u4']],
    [{ sort: 'capacity' }, ['u4', 'u1', 'u3', 'u2']],
    [{ q: 'a', sort: 'name', limit: 2 }, ['u3', 'u1']],
  ])('%j → %j', (query, expected) => {
    expect(ids(listPage(rows, query, text))).toEqual(expected);
  });

  it('pages with a cursor until the last page', () => {
    const first = listPage(rows, { sort: 'name', limit: 3 }, text);
    expect([ids(first), first.next]).toEqual([['u3', 'u1', 'u2'], 'u2']);
    const second = listPage(rows, { sort: 'name', limit: 3, cursor: first.next }, text);
    expect([ids(second), second.next]).toEqual([['u4'], undefined]);
  });

  it('names the parameter it cannot use', () => {
    expect(() => listPage(rows, { sort: 'colour' }, text)).toThrow('colour is not a field');
    expect(() => listPage([{ id: 'r', channels: {} }], { sort: 'channels' }, () => '')).toThrow('sort');
    expect(() => listPage(rows, { cursor: 'nobody' }, text)).toThrow('cursor');
  });

  it('orders an empty list by any field (the UI keeps its order in the URL while a list is empty)', () => {
    expect(listPage([], { sort: '-name', limit: 25 }, text)).toEqual({ rows: [] });
  });
});

describe('GET /api/admin/<resource>?q=&sort=&limit=&cursor=', () => {
  it('searches, orders and pages every admin list, and names a bad parameter', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    for (const name of ['Zeta', 'Alpha', 'Mu']) {
      const made = await t.call('POST', '/api/admin/closure-reasons', { token: admin, body: { name } });
      expect(made.status).toBe(201);
    }
    const found = await t.call('GET', '/api/admin/closure-reasons?q=ALPHA', { token: admin });
    expect(found.body.map((row: { name: string }) => row.name)).toEqual(['Alpha']);

    const all = (await t.call('GET', '/api/admin/closure-reasons', { token: admin })).body.length;
    const seen: string[] = [];
    let cursor = '';
    for (let pages = 0; pages < all; pages += 1) {
      const page = await t.call('GET', `/api/admin/closure-reasons?sort=-name&limit=2${cursor}`, { token: admin });
      expect(page.status).toBe(200);
      seen.push(...page.body.map((row: { name: string }) => row.name));
      const next = page.headers.get('x-next-cursor');
      if (!next) break;
      cursor = `&cursor=${next}`;
    }
    expect(seen.length).toBe(all);
    expect(seen.indexOf('Zeta')).toBeLessThan(seen.indexOf('Mu'));
    expect(seen.indexOf('Mu')).toBeLessThan(seen.indexOf('Alpha'));

    const bad = await t.call('GET', '/api/admin/closure-reasons?sort=colour', { token: admin });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    expect(bad.body.error.message).toContain('sort');
    const tooMany = await t.call('GET', '/api/admin/closure-reasons?limit=0', { token: admin });
    expect(tooMany.status).toBe(400);
  });
});
