import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const route = { skillId: DEMO.skillId, priority: 1 };

describe('deleting a channel cleans every reference to it, in the same audited commit', () => {
  it('roles, rich messages, custom components, routing scripts and queues stop pointing at it, and stay saveable', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const call = (method: string, path: string, body?: unknown) => t.call(method, path, { token: admin, body });
    await call('PUT', '/api/admin/routing-scripts/default', { name: 'Default', rules: [], fallback: route });
    const created = await call('POST', '/api/admin/channels', {
      phoneNumberId: DEMO.spareNumber.phoneNumberId,
      name: 'Sales WhatsApp',
      defaultSkillId: DEMO.skillId,
      defaultScriptId: 'default',
    });
    expect(created.status).toBe(201);
    const sales = created.body.id as string;
    const role = t.store.get('roles', DEMO.roleId);
    await call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      name: role?.name,
      channels: { ...role?.channels, [sales]: ['reply'] },
    });
    const quick = { kind: 'quick_replies', text: 'How can we help?', options: ['Sales', 'Support'] };
    const shared = (
      await call('POST', '/api/admin/rich-messages', {
        name: 'Both',
        channelIds: [DEMO.channelId, sales],
        content: quick,
      })
    ).body.id;
    const onlySales = (
      await call('POST', '/api/admin/custom-components', {
        name: 'Sales picker',
        url: 'https://example.test/t/%s',
        height: 300,
        channelIds: [sales],
      })
    ).body.id;
    const both = (
      await call('POST', '/api/admin/custom-components', {
        name: 'Picker',
        url: 'https://example.test/p/%s',
        height: 300,
        channelIds: [DEMO.channelId, sales],
      })
    ).body.id;
    await call('PUT', '/api/admin/routing-scripts/mixed', {
      name: 'Mixed',
      rules: [
        { name: 'Sales only', when: [{ field: 'channel', op: 'is', value: sales }], route },
        { name: 'Urgent', when: [{ field: 'text', op: 'contains', value: 'urgent' }], route },
      ],
    });
    const queue = { name: 'Q', skillId: DEMO.skillId, priority: 0, order: 0, conditions: [] };
    await call('PUT', '/api/admin/routing-queues/both', { ...queue, includedChannels: [DEMO.channelId, sales] });
    await call('PUT', '/api/admin/routing-queues/sales', { ...queue, includedChannels: [sales] });
    await call('PUT', '/api/admin/routing-queues/cond', {
      ...queue,
      includedChannels: [DEMO.channelId, sales],
      conditions: [{ field: 'channel', op: 'is', value: sales }],
    });

    expect((await call('DELETE', `/api/admin/channels/${sales}`)).status).toBe(200);

    const agents = t.store.get('roles', DEMO.roleId);
    expect(Object.keys(agents?.channels ?? {})).toEqual([DEMO.channelId]);
    // The role can be saved again as the editor shows it (today: "channels.<id> is not a channel").
    const resaved = await call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      name: agents?.name,
      channels: agents?.channels,
    });
    expect(resaved.status).toBe(200);
    expect(t.store.get('richMessages', shared)?.channelIds).toEqual([DEMO.channelId]);
    expect(t.store.get('customComponents', onlySales)).toBeUndefined();
    expect(t.store.get('customComponents', both)?.channelIds).toEqual([DEMO.channelId]);
    expect(t.store.get('routingScripts', 'mixed')?.rules.map((r) => r.name)).toEqual(['Urgent']);
    expect(t.store.get('routingQueues', 'both')?.includedChannels).toEqual([DEMO.channelId]);
    expect(t.store.get('routingQueues', 'sales')).toBeUndefined();
    expect(t.store.get('routingQueues', 'cond')).toBeUndefined();

    const audit = (await call('GET', '/api/admin/audit?limit=20')).body as { summary: string; resource: string }[];
    const cleaning = audit.filter((entry) => entry.summary.endsWith('(channel Sales WhatsApp was deleted)'));
    expect(cleaning.map((entry) => entry.resource).sort()).toEqual([
      'custom-components',
      'custom-components',
      'rich-messages',
      'roles',
      'routing-queues',
      'routing-queues',
      'routing-queues',
      'routing-scripts',
    ]);
  });
});
