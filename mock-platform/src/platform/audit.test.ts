import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { changesBetween } from './audit.ts';

describe('the audit log', () => {
  it.each([
    [{ name: 'A', capacity: 3 }, { name: 'B', capacity: 3 }, [{ field: 'name', before: 'A', after: 'B' }]],
    [
      { channels: { c: ['reply'], d: ['end'] } },
      { channels: { d: ['end', 'reply'] } },
      [
        { field: 'channels.c', before: '["reply"]', after: '—' },
        { field: 'channels.d', before: '["end"]', after: '["end","reply"]' },
      ],
    ],
    [{ note: 'x' }, {}, [{ field: 'note', before: 'x', after: '—' }]],
    [
      { passwordHash: 'scrypt$1' },
      { passwordHash: 'scrypt$2' },
      [{ field: 'passwordHash', before: '(hidden)', after: '(changed)' }],
    ],
    [{ id: '1', name: 'same' }, { id: '1', name: 'same' }, []],
  ])('%j → %j: field by field', (before, after, expected) => {
    expect(changesBetween(before, after)).toEqual(expected);
  });

  it('shows what each change did, filtered by user, resource and date, in pages', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const call = (path: string) => t.call('GET', `/api/admin/${path}`, { token: admin });
    await t.call('PUT', `/api/admin/users/${DEMO.users.bruno.id}`, {
      token: admin,
      body: {
        username: 'bruno',
        displayName: 'Bruno R.',
        role: 'agent',
        roleId: DEMO.roleId,
        capacity: 5,
        password: 'a-new-long-password',
      },
    });
    const [change] = (await call('audit?resource=users')).body;
    expect(change.changes).toEqual(
      expect.arrayContaining([
        { field: 'displayName', before: 'Bruno Agent', after: 'Bruno R.' },
        { field: 'capacity', before: '3', after: '5' },
        { field: 'passwordHash', before: '(hidden)', after: '(changed)' },
      ]),
    );
    expect(JSON.stringify(change)).not.toContain('a-new-long-password');

    t.clock.advance(60_000);
    const since = t.clock.now();
    for (const name of ['One', 'Two', 'Three']) {
      await t.call('POST', '/api/admin/closure-reasons', { token: admin, body: { name } });
    }
    const first = await call(`audit?resource=closure-reasons&from=${since}&limit=2&actorId=${DEMO.users.admin.id}`);
    expect(first.body.map((e: { summary: string }) => e.summary)).toEqual([
      'Created closure reason Three',
      'Created closure reason Two',
    ]);
    const cursor = first.headers.get('x-next-cursor');
    expect(cursor).toBeTruthy();
    const second = await call(`audit?resource=closure-reasons&from=${since}&limit=2&cursor=${cursor}`);
    expect(second.body.map((e: { summary: string }) => e.summary)).toEqual(['Created closure reason One']);
    expect(second.headers.get('x-next-cursor')).toBeNull();
    expect((await call(`audit?to=${since - 1}&resource=closure-reasons`)).body).toEqual([]);
    expect((await call('audit?actorId=nobody')).body).toEqual([]);
    const lost = await call('audit?cursor=audit_gone');
    expect([lost.status, lost.body.error.issues[0].path]).toEqual([400, 'cursor']);
  });
});
