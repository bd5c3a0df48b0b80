import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

/** Issue 17: a channel chooses "routing script" or "routing queues", and routing follows it. */
describe('a channel routes by its script or by the routing queues', () => {
  const channelBody = (changes: Record<string, unknown>) => ({
    name: DEMO.channelName,
    defaultSkillId: DEMO.skillId,
    ...changes,
  });

  it('routes by the queues that include the channel, or by its script, as the channel chooses', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const queue = await t.call('POST', '/api/admin/routing-queues', {
      token: admin,
      body: {
        name: 'Charges',
        skillId: DEMO.billingSkillId,
        priority: 3,
        order: 1,
        includedChannels: [DEMO.channelId],
        conditions: [{ field: 'text', op: 'contains', value: 'charged' }],
      },
    });
    expect(queue.status).toBe(201);
    // Routing by queues needs no script, and keeps one if given (to switch back later).
    const byQueues = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: channelBody({ routingMode: 'queues', defaultScriptId: DEMO.scriptId }),
    });
    expect(byQueues.status).toBe(200);
    expect(byQueues.body).toMatchObject({ routingMode: 'queues', defaultScriptId: DEMO.scriptId });
    await t.customerSays('I was charged twice', '+34 600 200 001', 'A');
    const skillOf = (name: string) => t.store.all('conversations').find((c) => c.customerName === name);
    expect(skillOf('A')).toMatchObject({ skillId: DEMO.billingSkillId, priority: 3 });

    // By script: the queue no longer applies, the script's rules do ("charged" is not a billing word there).
    const byScript = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: channelBody({ routingMode: 'script', defaultScriptId: DEMO.scriptId }),
    });
    expect(byScript.body.routingMode).toBe('script');
    await t.customerSays('I was charged twice', '+34 600 200 002', 'B');
    await t.customerSays('una factura', '+34 600 200 003', 'C');
    expect(skillOf('B')).toMatchObject({ skillId: DEMO.skillId, priority: 0 });
    expect(skillOf('C')).toMatchObject({ skillId: DEMO.billingSkillId, priority: 1 });
  });

  it('refuses a script channel without a script and an unknown mode, naming the field', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const noScript = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: channelBody({ routingMode: 'script' }),
    });
    expect(noScript.status).toBe(400);
    expect(noScript.body.error.issues).toEqual([
      { path: 'defaultScriptId', message: 'choose a default routing script, or route by routing queues' },
    ]);
    const unknown = await t.call('PUT', `/api/admin/channels/${DEMO.channelId}`, {
      token: admin,
      body: channelBody({ routingMode: 'round-robin', defaultScriptId: DEMO.scriptId }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['routingMode']);
    const created = await t.call('POST', '/api/admin/channels', {
      token: admin,
      body: {
        phoneNumberId: DEMO.spareNumber.phoneNumberId,
        name: 'Sales',
        defaultSkillId: DEMO.skillId,
        routingMode: 'queues',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.routingMode).toBe('queues');
    expect(created.body.defaultScriptId).toBeUndefined();
  });
});
