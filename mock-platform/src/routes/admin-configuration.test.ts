import { describe, expect, it } from 'vitest';
import { CONFIG_SECTIONS } from '../platform/imports/config-sections.ts';
import { configurationSchema } from '../platform/imports/config-transfer.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

async function setUp() {
  const t = await testPlatform();
  const admin = await t.login('admin', 'loro-admin');
  const call = (method: string, path: string, body?: unknown) =>
    t.call(method, `/api/admin/${path}`, { token: admin, ...(body !== undefined ? { body } : {}) });
  const auditCount = async () => (await call('GET', 'audit?limit=1000')).body.length as number;
  const exported = async () => (await call('GET', 'configuration')).body;
  return { t, call, auditCount, exported };
}

type Row = { id: string; name?: string; version?: number } & Record<string, unknown>;

describe('the whole configuration as JSON', () => {
  it('exports every section with versions and no users or secrets; only administrators may', async () => {
    const { t, exported } = await setUp();
    const file = await exported();
    expect(Object.keys(CONFIG_SECTIONS).every((section) => section in configurationSchema.shape)).toBe(true);
    expect(Object.keys(file)).toEqual(
      expect.arrayContaining(['format', 'formatVersion', 'exportedAt', ...Object.keys(CONFIG_SECTIONS), 'templates']),
    );
    expect(file.skills.map((skill: Row) => [skill.id, skill.version])).toEqual([
      [DEMO.billingSkillId, 0],
      [DEMO.skillId, 0],
    ]);
    expect(file.channels[0]).toMatchObject({ id: DEMO.channelId, phoneNumber: DEMO.phoneNumber, version: 0 });
    expect(file.templates).toContainEqual(
      expect.objectContaining({ name: DEMO.templateName, language: 'en_US', wabaId: DEMO.wabaId }),
    );
    const text = JSON.stringify(file);
    for (const secret of ['passwordHash', 'loro-admin', 'loro-demo-access-token', 'loro-demo-app-secret', 'users'])
      expect(text).not.toContain(secret);
    const ana = await t.login('ana', 'loro-agent');
    const sofia = await t.login('sofia', 'loro-supervisor');
    for (const token of [ana, sofia]) {
      expect((await t.call('GET', '/api/admin/configuration', { token })).status).toBe(403);
      const body = { configuration: file };
      expect((await t.call('POST', '/api/admin/configuration/import', { token, body })).status).toBe(403);
    }
  });

  it('imports its own export as nothing to change', async () => {
    const { call, exported } = await setUp();
    const dry = await call('POST', 'configuration/import', { configuration: await exported() });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.counts).toMatchObject({ create: 0, update: 0, refused: 0 });
    expect(dry.body.notes).toEqual([]);
  });

  it('shows the diff in a dry run, then applies it in one audited commit, references in any order', async () => {
    const { call, auditCount, exported } = await setUp();
    const file = await exported();
    file.settings.maskSensitiveData = true;
    file.skills.find((skill: Row) => skill.id === DEMO.billingSkillId).name = 'Billing and refunds';
    // A queue routing to a skill the file creates further down.
    file.routingQueues.push({
      id: 'queue_vip',
      name: 'VIP',
      skillId: 'skill_vip',
      priority: 5,
      order: 1,
      includedChannels: [DEMO.channelId],
      conditions: [],
    });
    file.skills.push({ id: 'skill_vip', name: 'VIP', acceptReject: false });
    file.templates.push(
      { name: 'winter_sale', language: 'es', category: 'MARKETING', status: 'APPROVED' },
      // On the demo's account, but the file says it belongs to another one.
      {
        name: DEMO.templateName,
        language: 'en_US',
        category: 'UTILITY',
        status: 'APPROVED',
        wabaId: '100000000000999',
      },
    );
    const before = await auditCount();

    const dry = await call('POST', 'configuration/import', { configuration: file });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.counts).toMatchObject({ create: 2, update: 2, refused: 0 });
    const changed = dry.body.items.filter((item: { action: string }) => item.action !== 'unchanged');
    expect(changed.map((item: Row) => [item.ref, item.action, item.changes])).toEqual([
      ['settings', 'update', [{ field: 'maskSensitiveData', before: 'false', after: 'true' }]],
      [`skills.0`, 'update', [{ field: 'name', before: DEMO.billingSkillName, after: 'Billing and refunds' }]],
      [`skills.${file.skills.length - 1}`, 'create', []],
      [`routingQueues.${file.routingQueues.length - 1}`, 'create', []],
    ]);
    expect(dry.body.notes).toEqual([
      'Template winter_sale (es) is not on any connected WhatsApp account: create it in WhatsApp Manager (Meta reviews it); imports never create templates',
      `Template ${DEMO.templateName} (en_US) is not on WhatsApp account 100000000000999: create it in WhatsApp Manager (Meta reviews it); imports never create templates`,
    ]);
    expect(await auditCount()).toBe(before);
    expect((await call('GET', 'settings')).body.maskSensitiveData).toBe(false);

    const applied = await call('POST', 'configuration/import', { configuration: file, dryRun: false });
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.applied).toBe(true);
    expect(await auditCount()).toBe(before + 5);
    expect((await call('GET', 'settings')).body.maskSensitiveData).toBe(true);
    expect((await call('GET', `skills/${DEMO.billingSkillId}`)).body).toMatchObject({
      name: 'Billing and refunds',
      version: 1,
    });
    expect((await call('GET', 'routing-queues/queue_vip')).body).toMatchObject({ skillId: 'skill_vip', version: 1 });
    const log = (await call('GET', 'audit?resource=imports')).body;
    expect(log[0].summary).toMatch(/^Imported the configuration: 2 created, 2 changed, \d+ unchanged$/);
  });

  it('refuses a stale file (409), naming who changed what since the export, and writes nothing', async () => {
    const { call, auditCount, exported } = await setUp();
    const file = await exported();
    const saved = await call('PUT', `roles/${DEMO.roleId}`, {
      name: 'Agents (day)',
      channels: { [DEMO.channelId]: ['reply'] },
    });
    expect(saved.status).toBe(200);
    const before = await auditCount();
    file.roles[0].description = 'Everyone on the phones';
    const stale = await call('POST', 'configuration/import', { configuration: file, dryRun: false });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'version_conflict' });
    expect(stale.body.error.message).toContain('Alex Admin');
    expect(stale.body.error.issues).toEqual([
      {
        path: 'roles.0.version',
        message: expect.stringMatching(/^Alex Admin at .*: Changed role Agents \(day\)/),
      },
    ]);
    // The dry run says so too: a stale file is never shown as applicable.
    expect((await call('POST', 'configuration/import', { configuration: file })).status).toBe(409);
    expect(await auditCount()).toBe(before);
    expect((await call('GET', `roles/${DEMO.roleId}`)).body.name).toBe('Agents (day)');
  });

  it('names each refused row by section, index and field; nothing written unless the refused rows are skipped', async () => {
    const { call, auditCount, exported } = await setUp();
    const file = await exported();
    file.closureReasons.push({ id: 'closure_callback', name: 'Call back later' });
    file.channels.push({ ...file.channels[0], id: 'ch_elsewhere', version: undefined });
    file.skills.push({ id: 'skill_bad', name: '', acceptReject: 'yes' });
    const before = await auditCount();
    const applied = await call('POST', 'configuration/import', { configuration: file, dryRun: false });
    expect(applied.status).toBe(400);
    expect(applied.body.error.issues).toEqual([
      { path: `skills.2.name`, message: expect.any(String), rule: expect.anything() },
      { path: 'skills.2.acceptReject', message: expect.any(String), rule: expect.anything() },
      {
        path: `channels.1.id`,
        message: 'ch_elsewhere is not a channel: channels are created from a WhatsApp number on the WhatsApp page',
      },
    ]);
    expect(await auditCount()).toBe(before);

    const skipped = await call('POST', 'configuration/import', {
      configuration: file,
      dryRun: false,
      skipRefused: true,
    });
    expect(skipped.status, JSON.stringify(skipped.body)).toBe(200);
    expect(skipped.body.counts).toMatchObject({ create: 1, refused: 2 });
    expect((await call('GET', 'closure-reasons/closure_callback')).body.name).toBe('Call back later');
  });

  it('refuses what is not a configuration file, naming the field', async () => {
    const { call } = await setUp();
    const wrong = await call('POST', 'configuration/import', { configuration: { format: 'other', formatVersion: 1 } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues).toEqual([
      { path: 'configuration.format', message: 'must be loro-configuration: export the file from Loro' },
    ]);
    const extra = await call('POST', 'configuration/import', {
      configuration: { format: 'loro-configuration', formatVersion: 1, users: [] },
    });
    expect(extra.body.error.issues[0].path).toBe('configuration');
  });
});
