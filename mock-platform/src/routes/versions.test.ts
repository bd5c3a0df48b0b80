import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const skill = { name: 'Returns', acceptReject: false, direction: 'inbound' as const };
const script = { name: 'S', rules: [], fallback: { skillId: DEMO.skillId, priority: 1 } };
const queue = {
  name: 'Q',
  skillId: DEMO.skillId,
  priority: 0,
  order: 0,
  includedChannels: [DEMO.channelId],
  conditions: [],
};

/** A valid body per administrable resource, and a change to it. */
const resources: [path: string, body: Record<string, unknown>, change: Record<string, unknown>, upsertId?: string][] = [
  ['roles', { name: 'Night shift', channels: { [DEMO.channelId]: ['reply'] } }, { name: 'Night', channels: {} }],
  ['skills', skill, { ...skill, name: 'Refunds' }],
  [
    'custom-components',
    { name: 'Templates', url: 'https://loro.example/t/%s', height: 200, channelIds: [] },
    { name: 'Templates 2', url: 'https://loro.example/t/%s', height: 300, channelIds: [] },
  ],
  [
    'rich-messages',
    { name: 'Yes/No', channelIds: [], content: { kind: 'quick_replies', text: 'OK?', options: ['Yes', 'No'] } },
    { name: 'Sí/No', channelIds: [], content: { kind: 'quick_replies', text: '¿OK?', options: ['Sí', 'No'] } },
  ],
  ['closure-reasons', { name: 'Duplicate' }, { name: 'Duplicate case' }],
  [
    'canned-responses',
    { name: 'Greeting', shortcut: 'hi', text: 'Hello', language: 'en', allChannels: true, channelIds: [] },
    { name: 'Greeting', shortcut: 'hi', text: 'Hello there', language: 'en', allChannels: true, channelIds: [] },
  ],
  [
    'users',
    { username: 'carla', displayName: 'Carla', role: 'agent', roleId: DEMO.roleId, password: 'a-long-password' },
    { username: 'carla', displayName: 'Carla Díaz', role: 'agent', roleId: DEMO.roleId },
  ],
  ['routing-scripts', script, { ...script, name: 'S2' }, 'night'],
  ['routing-queues', queue, { ...queue, name: 'Q2' }, 'night'],
];

describe('no lost updates: every administrable row carries a version', () => {
  it.each(resources)(
    '%s: a change based on an older version is refused, naming what changed meanwhile',
    async (path, body, change, upsertId) => {
      const t = await testPlatform();
      const alex = await t.login('admin', 'loro-admin');
      // A second administrator, in another browser.
      await t.call('POST', '/api/admin/users', {
        token: alex,
        body: { username: 'bea', displayName: 'Bea Boss', role: 'admin', password: 'bea-long-password' },
      });
      const bea = await t.login('bea', 'bea-long-password');

      const created = upsertId
        ? await t.call('PUT', `/api/admin/${path}/${upsertId}`, { token: alex, body })
        : await t.call('POST', `/api/admin/${path}`, { token: alex, body });
      expect(created.body.version, JSON.stringify(created.body)).toBe(1);
      const id = created.body.id as string;
      const loaded = await t.call('GET', `/api/admin/${path}/${id}`, { token: alex });
      expect(loaded.headers.get('etag')).toBe('"1"');

      // Bea saves first, from the same version.
      const beas = await t.call('PUT', `/api/admin/${path}/${id}`, {
        token: bea,
        body: change,
        headers: { 'if-match': '"1"' },
      });
      expect([beas.status, beas.body.version]).toEqual([200, 2]);
      const stored = JSON.stringify(t.store.all(collectionOf(path) as never));

      // Alex's change, based on version 1, would undo Bea's: refused, and nothing changes.
      const stale = await t.call('PUT', `/api/admin/${path}/${id}`, {
        token: alex,
        body,
        headers: { 'if-match': '"1"' },
      });
      expect(stale.status).toBe(412);
      expect(stale.body.error.code).toBe('version_conflict');
      expect(stale.body.error.message).toContain('changed by Bea Boss since you loaded it (your version 1, now 2)');
      expect(stale.body.error.issues).toEqual([
        { path: 'version', message: expect.stringMatching(/^Bea Boss at .*: Changed /) },
      ]);
      const staleBody = await t.call('PUT', `/api/admin/${path}/${id}`, { token: alex, body: { ...body, version: 1 } });
      expect([staleBody.status, staleBody.body.error.code]).toEqual([409, 'version_conflict']);
      const staleDelete = await t.call('DELETE', `/api/admin/${path}/${id}`, {
        token: alex,
        headers: { 'if-match': '1' },
      });
      expect(staleDelete.status).toBe(412);
      expect(JSON.stringify(t.store.all(collectionOf(path) as never))).toBe(stored);

      // With the current version it goes through; a malformed one names the header.
      const fresh = await t.call('PUT', `/api/admin/${path}/${id}`, {
        token: alex,
        body,
        headers: { 'if-match': '"2"' },
      });
      expect([fresh.status, fresh.body.version]).toEqual([200, 3]);
      const malformed = await t.call('PUT', `/api/admin/${path}/${id}`, {
        token: alex,
        body,
        headers: { 'if-match': 'yesterday' },
      });
      expect([malformed.status, malformed.body.error.issues[0].path]).toEqual([400, 'If-Match']);
      expect(
        (await t.call('DELETE', `/api/admin/${path}/${id}`, { token: alex, headers: { 'if-match': '"3"' } })).status,
      ).toBe(200);
    },
  );
});

function collectionOf(path: string): string {
  return path.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

describe('channels carry a version too', () => {
  it('refuses an edit based on an older version of the channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const [channel] = (await t.call('GET', '/api/admin/channels', { token: admin })).body.channels;
    expect(channel.version).toBe(0);
    await t.call('PUT', '/api/admin/routing-scripts/default', { token: admin, body: script });
    const body = { name: 'Support', defaultSkillId: channel.defaultSkillId, defaultScriptId: 'default', sla: null };
    const first = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: { ...body, version: 0 },
    });
    expect([first.status, first.body.version]).toEqual([200, 1]);
    const stale = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: { ...body, name: 'Old', version: 0 },
    });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect(t.store.get('channels', DEMO.channelId)?.name).toBe('Support');
    const staleDelete = await t.call('DELETE', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      headers: { 'if-match': '"0"' },
    });
    expect(staleDelete.status).toBe(412);
    expect(t.store.get('channels', DEMO.channelId)?.deletedAt).toBeUndefined();
  });
});
