import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('administration API: WhatsApp channels (CH-4, CH-5, RT-2, SL-1)', () => {
  it('lists the account’s numbers from the Cloud API, creates a channel from a verified one, and routes its contacts', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const numbers = (await t.call('GET', '/api/admin/whatsapp-numbers', { token: admin })).body;
    expect(numbers).toEqual([
      expect.objectContaining({
        phoneNumberId: DEMO.phoneNumberId,
        phoneNumber: DEMO.phoneNumber,
        channelId: DEMO.channelId,
      }),
      {
        phoneNumberId: DEMO.spareNumber.phoneNumberId,
        phoneNumber: DEMO.spareNumber.phoneNumber,
        verifiedName: DEMO.businessName,
        status: 'CONNECTED',
        qualityRating: 'GREEN',
        messagingLimitTier: 'TIER_1K',
      },
    ]);
    await t.call('PUT', '/api/admin/routing-scripts/default', {
      token: admin,
      body: { name: 'Everything to support', rules: [], fallback: { skillId: DEMO.skillId, priority: 0 } },
    });
    const body = {
      phoneNumberId: DEMO.spareNumber.phoneNumberId,
      name: 'Sales WhatsApp',
      defaultSkillId: DEMO.skillId,
      defaultScriptId: 'default',
    };
    const created = await t.call('POST', '/api/admin/channels', { token: admin, body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ ...body, phoneNumber: '+16145550199', status: 'approved' });
    const again = await t.call('POST', '/api/admin/channels', { token: admin, body });
    expect(again.body.error.issues).toEqual([
      { path: 'phoneNumberId', message: 'is already the channel Sales WhatsApp' },
    ]);

    const mine = (await t.call('GET', '/api/admin/channels', { token: admin })).body;
    expect(mine.channels.map((c: { name: string }) => c.name)).toEqual(['Demo WhatsApp', 'Sales WhatsApp']);
    expect(mine.templateSettingsUrl).toMatch(/^http:\/\/[^/]+\/components\/templates\/$/);

    // The channel is not in the agents' role yet: its contact waits. Adding it routes it.
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hola', '+34 600 000 001', 'Lucía', DEMO.spareNumber.phoneNumberId);
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toEqual([]);
    const role = t.store.get('roles', DEMO.roleId);
    await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: { name: role?.name, channels: { ...role?.channels, [created.body.id]: ['reply', 'end'] } },
    });
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    expect(offer).toMatchObject({ customerName: 'Lucía', originNumber: '+16145550199' });
  });

  it('validates creation: unknown number, missing defaults', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const refused = await t.call('POST', '/api/admin/channels', {
      token: admin,
      body: { phoneNumberId: '999', name: 'X', defaultSkillId: 'skill_nope', defaultScriptId: 'nope' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: 'defaultSkillId', message: 'skill_nope is not a skill' },
      { path: 'defaultScriptId', message: 'nope is not a routing script' },
      { path: 'phoneNumberId', message: 'is not a number of this WhatsApp account' },
    ]);
    const missing = await t.call('POST', '/api/admin/channels', { token: admin, body: { name: 'X' } });
    expect(missing.body.error.issues.map((i: { path: string }) => i.path)).toEqual([
      'phoneNumberId',
      'defaultSkillId',
      'defaultScriptId',
    ]);
    expect(t.store.all('channels')).toHaveLength(1);
  });

  it('sets a channel’s own SLA or "follow global", audited', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    await t.call('PUT', '/api/admin/routing-scripts/default', {
      token: admin,
      body: { name: 'Default', rules: [], fallback: { skillId: DEMO.skillId, priority: 0 } },
    });
    const own = { firstResponseMs: 2 * 60 * 60_000, resolutionMs: 2 * 24 * 60 * 60_000 };
    const base = { name: 'Demo WhatsApp', defaultSkillId: DEMO.billingSkillId, defaultScriptId: 'default' };
    const saved = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: { ...base, sla: own },
    });
    expect(saved.body).toMatchObject({ ...base, sla: own });
    const tooShort = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: { ...base, sla: { firstResponseMs: 1000, resolutionMs: 1000 } },
    });
    expect(tooShort.body.error.issues[0]).toEqual({
      path: 'sla.firstResponseMs',
      message: 'must be at least one minute',
    });
    const global = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, { token: admin, body: base });
    expect(global.body.sla).toBeUndefined();
    const audit = (await t.call('GET', '/api/admin/audit?resource=channels', { token: admin })).body;
    expect(audit.map((e: { summary: string }) => e.summary)).toEqual([
      'Changed channel Demo WhatsApp: follows the global SLA',
      'Changed channel Demo WhatsApp: follows its own SLA',
    ]);
  });
});
