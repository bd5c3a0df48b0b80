import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

const billingScript = {
  name: 'Support with billing',
  rules: [
    {
      name: 'Invoices',
      when: [{ field: 'text', op: 'matches', value: '\\b(factura|invoice)s?\\b' }],
      route: { skillId: DEMO.billingSkillId, priority: 5 },
    },
    {
      name: 'Urgent',
      when: [{ field: 'text', op: 'contains', value: 'urgent' }],
      route: { skillId: DEMO.skillId, priority: 9 },
    },
  ],
  fallback: { skillId: DEMO.skillId, priority: 1 },
};

describe('routing scripts (RT-2, RT-4)', () => {
  it('routes each new contact by the channel’s script: skill and priority, queue order by priority then waiting time', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const saved = await t.call('PUT', '/api/admin/routing-scripts/script_support', {
      token: admin,
      body: billingScript,
    });
    expect(saved.status).toBe(200);
    const channel = t.store.get('channels', DEMO.channelId);
    if (!channel) throw new Error('no demo channel');
    await t.store.commit([put('channels', { ...channel, defaultScriptId: 'script_support' })]);

    await t.customerSays('Mi factura está duplicada', '+34 600 100 001', 'A');
    await t.customerSays('hola', '+34 600 100 002', 'B');
    await t.customerSays('URGENT please', '+34 600 100 003', 'C');
    const bySkill = (name: string) => t.store.all('conversations').find((c) => c.customerName === name);
    expect(bySkill('A')).toMatchObject({ skillId: DEMO.billingSkillId, priority: 5 });
    expect(bySkill('B')).toMatchObject({ skillId: DEMO.skillId, priority: 1 });
    expect(bySkill('C')).toMatchObject({ skillId: DEMO.skillId, priority: 9 });

    // Ana (support only, capacity 3) goes available: the urgent one is offered first.
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    const offers = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    expect(offers.map((o: { customerName: string }) => o.customerName)).toEqual(['C', 'B']);
  });

  it('tries a script on a sample message, and refuses an invalid one naming the field', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    await t.call('PUT', '/api/admin/routing-scripts/script_support', { token: admin, body: billingScript });
    const tried = await t.call('POST', '/api/admin/routing-scripts/script_support/try', {
      token: admin,
      body: { text: 'Two invoices charged' },
    });
    expect(tried.body).toEqual({ rule: 0, ruleName: 'Invoices', skillId: DEMO.billingSkillId, priority: 5 });
    const fallback = await t.call('POST', '/api/admin/routing-scripts/script_support/try', {
      token: admin,
      body: { text: 'hi' },
    });
    expect(fallback.body).toEqual({ rule: -1, skillId: DEMO.skillId, priority: 1 });

    const badPattern = await t.call('PUT', '/api/admin/routing-scripts/bad', {
      token: admin,
      body: {
        ...billingScript,
        rules: [
          { when: [{ field: 'text', op: 'matches', value: '(' }], route: { skillId: DEMO.skillId, priority: 1 } },
        ],
      },
    });
    expect([badPattern.status, badPattern.body.error.issues[0].path]).toEqual([400, 'rules.0.when.0.value']);
    const unknownSkill = await t.call('PUT', '/api/admin/routing-scripts/bad', {
      token: admin,
      body: { ...billingScript, fallback: { skillId: 'skill_nope', priority: 1 } },
    });
    expect([unknownSkill.status, unknownSkill.body.error.message]).toEqual([
      400,
      'Invalid request: fallback.skillId: skill_nope is not a skill',
    ]);
    expect(t.store.get('routingScripts', 'bad')).toBeUndefined();
  });
});

describe('routing queues, the legacy path (RT-3)', () => {
  it('route contacts of channels without a script; edits apply at once; invalid ones name the field', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const saved = await t.call('PUT', '/api/admin/routing-queues/billing', {
      token: admin,
      body: {
        name: 'Billing words',
        skillId: DEMO.billingSkillId,
        priority: 4,
        order: 1,
        includedChannels: [DEMO.channelId],
        conditions: [{ field: 'text', op: 'contains', value: 'invoice' }],
      },
    });
    expect(saved.status).toBe(200);
    await t.customerSays('my invoice is wrong', '+34 600 100 001', 'A');
    await t.customerSays('hello', '+34 600 100 002', 'B');
    const find = (name: string) => t.store.all('conversations').find((c) => c.customerName === name);
    expect(find('A')).toMatchObject({ skillId: DEMO.billingSkillId, priority: 4 });
    expect(find('B')).toMatchObject({ skillId: DEMO.skillId, priority: 0 });

    // Saved at once: the next contact already follows the edit.
    await t.call('PUT', '/api/admin/routing-queues/billing', {
      token: admin,
      body: {
        name: 'Billing words',
        skillId: DEMO.billingSkillId,
        priority: 4,
        order: 1,
        includedChannels: [DEMO.channelId],
        conditions: [],
      },
    });
    await t.customerSays('hello again', '+34 600 100 003', 'C');
    expect(find('C')).toMatchObject({ skillId: DEMO.billingSkillId });
    expect(
      (await t.call('GET', '/api/admin/routing-queues', { token: admin })).body.map((q: { id: string }) => q.id),
    ).toEqual(['billing']);

    const badChannel = await t.call('PUT', '/api/admin/routing-queues/x', {
      token: admin,
      body: { name: 'X', skillId: DEMO.skillId, priority: 0, order: 0, includedChannels: ['ch_nope'], conditions: [] },
    });
    expect([badChannel.status, badChannel.body.error.issues[0].path]).toEqual([400, 'includedChannels.0']);
    const noChannels = await t.call('PUT', '/api/admin/routing-queues/x', {
      token: admin,
      body: { name: 'X', skillId: DEMO.skillId, priority: 0, order: 0, includedChannels: [], conditions: [] },
    });
    expect([noChannels.status, noChannels.body.error.issues[0].path]).toEqual([400, 'includedChannels']);
    expect((await t.call('DELETE', '/api/admin/routing-queues/billing', { token: admin })).status).toBe(200);
    expect((await t.call('DELETE', '/api/admin/routing-queues/billing', { token: admin })).status).toBe(404);
  });
});

describe('regular expressions administrators type cannot stall the platform', () => {
  it('runs a catastrophic pattern in one pass, and refuses look-arounds on scripts and queues naming the field', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const catastrophic = {
      ...billingScript,
      rules: [
        {
          when: [{ field: 'text', op: 'matches', value: '^(a+)+$' }],
          route: { skillId: DEMO.billingSkillId, priority: 5 },
        },
      ],
    };
    expect((await t.call('PUT', '/api/admin/routing-scripts/evil', { token: admin, body: catastrophic })).status).toBe(
      200,
    );
    // With JavaScript's backtracking engine this message held the event loop for seconds (doubling per character).
    const tried = await t.call('POST', '/api/admin/routing-scripts/evil/try', {
      token: admin,
      body: { text: `${'a'.repeat(4_000)}!` },
    });
    expect(tried.body).toEqual({ rule: -1, skillId: DEMO.skillId, priority: 1 });

    const lookAround = [{ field: 'text', op: 'matches', value: 'pago(?! rechazado)' }];
    const script = await t.call('PUT', '/api/admin/routing-scripts/look', {
      token: admin,
      body: { ...billingScript, rules: [{ when: lookAround, route: { skillId: DEMO.skillId, priority: 1 } }] },
    });
    expect([script.status, script.body.error.issues[0].path]).toEqual([400, 'rules.0.when.0.value']);
    expect(script.body.error.issues[0].message).toContain('linear time');
    const queue = await t.call('PUT', '/api/admin/routing-queues/look', {
      token: admin,
      body: {
        name: 'Look',
        skillId: DEMO.skillId,
        priority: 0,
        order: 0,
        includedChannels: [DEMO.channelId],
        conditions: lookAround,
      },
    });
    expect([queue.status, queue.body.error.issues[0].path]).toEqual([400, 'conditions.0.value']);
    expect(t.store.get('routingScripts', 'look')).toBeUndefined();

    // "Try it" on the editor's draft: nothing is saved, and the draft's own refusals name the field.
    const draft = await t.call('POST', '/api/admin/routing-scripts/try', {
      token: admin,
      body: { script: billingScript, sample: { text: 'Dos facturas' } },
    });
    expect(draft.body).toMatchObject({ rule: 0, ruleName: 'Invoices', skillId: DEMO.billingSkillId, priority: 5 });
    const badDraft = await t.call('POST', '/api/admin/routing-scripts/try', {
      token: admin,
      body: {
        script: { name: 'S', rules: [{ when: lookAround, route: { skillId: DEMO.skillId, priority: 1 } }] },
        sample: { text: 'x' },
      },
    });
    expect([badDraft.status, badDraft.body.error.issues[0].path]).toEqual([400, 'script.rules.0.when.0.value']);
    expect(t.store.get('routingQueues', 'look')).toBeUndefined();
  });
});
