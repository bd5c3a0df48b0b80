import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const skill = { name: 'Returns', acceptReject: false, direction: 'inbound' as const };

describe('administration API: each resource', () => {
  it('creates, reads, updates and deletes, auditing each change; agents and anonymous callers are refused', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const cases: [string, unknown, unknown][] = [
      [
        'roles',
        { name: 'Night shift', channels: { [DEMO.channelId]: ['reply', 'end'] } },
        { name: 'Night shift 2', channels: {} },
      ],
      ['skills', skill, { ...skill, name: 'Returns and refunds', campaign: 'Holiday 2026' }],
      [
        'custom-components',
        { name: 'Templates', url: 'https://loro.example/components/templates/%s', height: 200, channelIds: [] },
        {
          name: 'Templates',
          url: 'https://loro.example/components/templates/%s',
          height: 320,
          channelIds: [DEMO.channelId],
        },
      ],
      [
        'rich-messages',
        {
          name: 'Yes/No',
          channelIds: [DEMO.channelId],
          content: { kind: 'quick_replies', text: 'OK?', options: ['Yes', 'No'] },
        },
        {
          name: 'Yes/No/Maybe',
          channelIds: [],
          content: { kind: 'quick_replies', text: 'OK?', options: ['Yes', 'No', 'Maybe'] },
        },
      ],
      ['closure-reasons', { name: 'Duplicate' }, { name: 'Duplicate case' }],
      ['unavailable-reasons', { name: 'Coaching', nameEs: 'Tutoría' }, { name: 'Coaching 1:1', nameEs: 'Tutoría 1:1' }],
      [
        'users',
        { username: 'carla', displayName: 'Carla', role: 'agent', roleId: DEMO.roleId, password: 'a-long-password' },
        { username: 'carla', displayName: 'Carla Díaz', role: 'agent', roleId: DEMO.roleId, capacity: 5 },
      ],
    ];
    for (const [path, created, changed] of cases) {
      expect((await t.call('GET', `/api/admin/${path}`)).status, path).toBe(401);
      expect((await t.call('GET', `/api/admin/${path}`, { token: ana })).status, path).toBe(403);
      expect((await t.call('POST', `/api/admin/${path}`, { token: ana, body: created })).status, path).toBe(403);

      const post = await t.call('POST', `/api/admin/${path}`, { token: admin, body: created });
      expect(post.status, `${path}: ${JSON.stringify(post.body)}`).toBe(201);
      const id = post.body.id;
      expect((await t.call('GET', `/api/admin/${path}/${id}`, { token: admin })).body).toEqual(post.body);
      const put = await t.call('PUT', `/api/admin/${path}/${id}`, { token: admin, body: changed });
      expect(put.status, `${path}: ${JSON.stringify(put.body)}`).toBe(200);
      expect(put.body).toMatchObject(changed as Record<string, unknown>);
      const list = (await t.call('GET', `/api/admin/${path}`, { token: admin })).body;
      expect(list.map((row: { id: string }) => row.id)).toContain(id);
      expect((await t.call('DELETE', `/api/admin/${path}/${id}`, { token: ana })).status).toBe(403);
      expect((await t.call('DELETE', `/api/admin/${path}/${id}`, { token: admin })).status).toBe(200);
      expect((await t.call('GET', `/api/admin/${path}/${id}`, { token: admin })).status).toBe(404);
      expect((await t.call('PUT', `/api/admin/${path}/${id}`, { token: admin, body: changed })).status).toBe(404);

      const audit = (await t.call('GET', `/api/admin/audit?resource=${path}`, { token: admin })).body;
      expect(audit.map((entry: { action: string }) => entry.action)).toEqual(['delete', 'update', 'create']);
      expect(audit[0]).toMatchObject({ actorId: DEMO.users.admin.id, actorName: 'Alex Admin', resourceId: id });
    }
    expect((await t.call('GET', '/api/admin/audit', { token: ana })).status).toBe(403);
  });

  it('never answers a password hash, and a new user can sign in with the password given', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const created = await t.call('POST', '/api/admin/users', {
      token: admin,
      body: { username: 'carla', displayName: 'Carla', role: 'agent', roleId: DEMO.roleId, password: 'carla-secret-1' },
    });
    expect(created.body).not.toHaveProperty('passwordHash');
    expect(JSON.stringify((await t.call('GET', '/api/admin/users', { token: admin })).body)).not.toContain('scrypt');
    const carla = await t.login('carla', 'carla-secret-1');
    expect((await t.call('GET', '/api/me', { token: carla })).body.user.displayName).toBe('Carla');
    // A new password signs the user out everywhere.
    await t.call('PUT', `/api/admin/users/${created.body.id}`, {
      token: admin,
      body: { username: 'carla', displayName: 'Carla', role: 'agent', roleId: DEMO.roleId, password: 'carla-secret-2' },
    });
    expect((await t.call('GET', '/api/me', { token: carla })).status).toBe(401);
    expect(await t.login('carla', 'carla-secret-2')).toBeTruthy();
  });

  it('names the field and the rule for each invalid input, and stores nothing', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const refusals: [string, unknown, string, string][] = [
      ['roles', { name: '', channels: {} }, 'name', 'is required'],
      ['roles', { name: 'X', channels: { ch_nope: ['reply'] } }, 'channels.ch_nope', 'ch_nope is not a channel'],
      ['roles', { name: 'X', channels: { [DEMO.channelId]: ['fly'] } }, `channels.${DEMO.channelId}.0`, ''],
      ['skills', { ...skill, secondarySkillId: 'skill_nope' }, 'secondarySkillId', 'skill_nope is not a skill'],
      ['skills', { ...skill, agentResponseSeconds: 2 }, 'agentResponseSeconds', ''],
      ['skills', { ...skill, screenPopUrl: 'javascript:alert(1)' }, 'screenPopUrl', ''],
      [
        'skills',
        { ...skill, direction: 'outbound', serviceLevel: { targetPercent: 80, thresholdSeconds: 30 } },
        'serviceLevel',
        'applies to inbound skills only',
      ],
      [
        'users',
        { username: 'ana', displayName: 'Ana 2', role: 'agent', roleId: DEMO.roleId, password: 'long-enough' },
        'username',
        'ana is already taken',
      ],
      [
        'users',
        { username: 'dani', displayName: 'Dani', role: 'agent', password: 'long-enough' },
        'roleId',
        'an agent needs exactly one role',
      ],
      [
        'users',
        { username: 'dani', displayName: 'Dani', role: 'agent', roleId: DEMO.roleId },
        'password',
        'is required for a new user',
      ],
      [
        'users',
        { username: 'dani', displayName: 'Dani', role: 'agent', roleId: DEMO.roleId, password: 'short' },
        'password',
        'must be at least 8 characters',
      ],
      [
        'users',
        {
          username: 'dani',
          displayName: 'Dani',
          role: 'agent',
          roleId: DEMO.roleId,
          password: 'long-enough',
          skills: [{ skillId: 'skill_nope', proficiency: 5 }],
        },
        'skills.0.skillId',
        'skill_nope is not a skill',
      ],
      [
        'custom-components',
        { name: 'T', url: 'https://loro.example/templates', height: 200 },
        'url',
        'must end with %s: it is replaced by the conversation id',
      ],
      [
        'custom-components',
        { name: 'T', url: 'https://app.smooch.io/t/%s', height: 200 },
        'url',
        'Smooch components are legacy: use the template-settings URL',
      ],
      [
        'custom-components',
        { name: 'T', url: 'https://loro.example/t/%s', height: 20 },
        'height',
        'must be at least 50 px',
      ],
      [
        'custom-components',
        { name: 'T', url: 'https://loro.example/t/%s', channelIds: ['ch_nope'] },
        'channelIds.0',
        'ch_nope is not a channel',
      ],
      [
        'rich-messages',
        { name: 'L', channelIds: [], content: { kind: 'rich_link', title: 'Site', url: 'javascript:alert(1)' } },
        'content.url',
        'must be an http(s) URL',
      ],
      [
        'rich-messages',
        { name: 'Q', channelIds: [], content: { kind: 'quick_replies', text: 'x', options: ['1', '2', '3', '4'] } },
        'content.options',
        '',
      ],
      [
        'rich-messages',
        { name: 'T', channelIds: [], content: { kind: 'time_picker', text: 'When?', slots: ['tomorrow'] } },
        'content.slots.0',
        'must be YYYY-MM-DDTHH:MM',
      ],
      [
        'rich-messages',
        {
          name: 'T',
          channelIds: [],
          content: { kind: 'time_picker', text: 'When?', slots: ['2999-01-01T10:00', '2000-01-01T10:00'] },
        },
        'content.slots.1',
        '2000-01-01T10:00 is in the past',
      ],
      [
        'rich-messages',
        { name: 'T', channelIds: [], content: { kind: 'time_picker', text: 'When?', slots: ['2999-02-30T10:00'] } },
        'content.slots.0',
        '2999-02-30T10:00 is not a real date and time',
      ],
      ['closure-reasons', { name: '  ' }, 'name', 'is required'],
      ['unavailable-reasons', { name: 'Break', nameEs: ' ' }, 'nameEs', 'is required'],
    ];
    const before = JSON.stringify(
      ['roles', 'skills', 'users', 'customComponents', 'richMessages', 'closureReasons', 'unavailableReasons'].map(
        (c) => t.store.all(c as never),
      ),
    );
    for (const [path, body, field, rule] of refusals) {
      const response = await t.call('POST', `/api/admin/${path}`, { token: admin, body });
      expect(response.status, `${path} ${field}`).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      const issue = response.body.error.issues.find((i: { path: string }) => i.path === field);
      expect(issue, `${path}: ${JSON.stringify(response.body.error.issues)}`).toBeDefined();
      if (rule) expect(issue.message).toBe(rule);
    }
    expect(
      JSON.stringify(
        ['roles', 'skills', 'users', 'customComponents', 'richMessages', 'closureReasons', 'unavailableReasons'].map(
          (c) => t.store.all(c as never),
        ),
      ),
    ).toBe(before);
    expect(t.store.all('audit')).toEqual([]);
  });

  it('refuses deletions that would leave something dangling, saying what depends on it', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const refusals: [string, string][] = [
      [
        `/api/admin/roles/${DEMO.roleId}`,
        'Ana Agent, Bruno Agent have this role: give them another one first (every agent has exactly one role)',
      ],
      [
        `/api/admin/skills/${DEMO.skillId}`,
        'Customer support is the default skill of the channel Demo WhatsApp: choose another first',
      ],
      [`/api/admin/users/${DEMO.users.admin.id}`, 'You cannot delete your own account'],
    ];
    for (const [path, message] of refusals) {
      const response = await t.call('DELETE', path, { token: admin });
      expect([response.status, response.body.error.message]).toEqual([409, message]);
    }
    expect(t.store.get('roles', DEMO.roleId)).toBeDefined();
  });

  it('deleting a skill interrupts its live conversations (AG-4) and takes it off the agents', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const bruno = await t.login('bruno', 'loro-agent');
    // The demo's script sends billing words to Billing; make it the channel's default.
    await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: { name: 'Demo WhatsApp', defaultSkillId: DEMO.skillId, defaultScriptId: DEMO.scriptId },
    });
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    await t.customerSays('my invoice is wrong');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: bruno })).body;
    expect(offer.queueName).toBe('Billing');
    const { body: active } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: bruno });

    const blocked = await t.call('DELETE', `/api/admin/skills/${DEMO.billingSkillId}`, { token: admin });
    expect(blocked.body.error.message).toBe(
      'The routing script Billing words to Billing, the rest to support routes to Billing: change it first',
    );
    const inUse = await t.call('DELETE', `/api/admin/routing-scripts/${DEMO.scriptId}`, { token: admin });
    expect(inUse.body.error.message).toBe(
      'Billing words to Billing, the rest to support is the default script of the channel Demo WhatsApp: choose another first',
    );
    await t.call('PUT', `/api/admin/routing-scripts/${DEMO.scriptId}`, {
      token: admin,
      body: { name: 'Everything to support', rules: [], fallback: { skillId: DEMO.skillId, priority: 0 } },
    });

    const stream = await t.listen(bruno);
    expect((await t.call('DELETE', `/api/admin/skills/${DEMO.billingSkillId}`, { token: admin })).status).toBe(200);
    const view = (await t.call('GET', `/api/conversations/${active.id}`, { token: bruno })).body;
    expect(view.interrupted).toBe('The queue Billing was deleted by an administrator');
    await stream.until((text) => text.includes('"interrupted"'));
    await stream.stop();
    const refused = await t.call('POST', `/api/conversations/${active.id}/messages`, {
      token: bruno,
      body: { text: 'hi' },
    });
    expect(refused.body.error.code).toBe('conversation_interrupted');
    expect(t.store.get('users', DEMO.users.bruno.id)?.skills.map((s) => s.skillId)).toEqual([DEMO.skillId]);
  });
});
