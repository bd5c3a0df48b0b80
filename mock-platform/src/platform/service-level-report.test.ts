import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { put } from './records.ts';

describe('each skill’s service level and campaign in the SLA report', () => {
  it('gives % answered within the target per skill, the campaign, and filters by campaign', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const skill = (await t.call('GET', `/api/admin/skills/${DEMO.skillId}`, { token: admin })).body;
    const { version, id: _id, ...body } = skill;
    const saved = await t.call('PUT', `/api/admin/skills/${DEMO.skillId}`, {
      token: admin,
      body: { ...body, version, campaign: 'Navidad 2026', serviceLevel: { targetPercent: 80, thresholdSeconds: 60 } },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const now = t.clock.now();
    const base = { channelId: DEMO.channelId, customerName: 'x', priority: 0, agentId: DEMO.users.ana.id } as const;
    const conversation = (id: string, skillId: string, queuedAgo: number, answeredAfter?: number) =>
      put('conversations', {
        ...base,
        id,
        skillId,
        customerWaId: `3460000${id.slice(-4)}`,
        status: 'active',
        createdAt: now - queuedAgo,
        queuedAt: now - queuedAgo,
        ...(answeredAfter !== undefined ? { firstResponseAt: now - queuedAgo + answeredAfter } : {}),
      });
    await t.store.commit([
      conversation('conv_0001', DEMO.skillId, 600_000, 30_000), // in time
      conversation('conv_0002', DEMO.skillId, 600_000, 45_000), // in time
      conversation('conv_0003', DEMO.skillId, 600_000, 120_000), // late
      conversation('conv_0004', DEMO.skillId, 300_000), // never answered, past the threshold: counts
      conversation('conv_0005', DEMO.skillId, 10_000), // still within the threshold: not yet
      conversation('conv_0006', DEMO.billingSkillId, 600_000, 5_000),
    ]);
    const report = async (query = '') =>
      (await t.call('GET', `/api/admin/sla-report?from=0&to=${now + 1}${query}`, { token: admin })).body;
    const all = await report();
    expect(all.campaigns).toEqual(['Navidad 2026']);
    expect(all.bySkill.find((row: { skillId: string }) => row.skillId === DEMO.skillId)).toEqual({
      skillId: DEMO.skillId,
      skill: skill.name,
      campaign: 'Navidad 2026',
      targetPercent: 80,
      thresholdSeconds: 60,
      offered: 5,
      counted: 4,
      answeredWithin: 2,
      percentWithin: 50,
      met: false,
    });
    // A skill without a target: its counts, no percentage.
    expect(all.bySkill.find((row: { skillId: string }) => row.skillId === DEMO.billingSkillId)).toMatchObject({
      offered: 1,
      answeredWithin: 1,
    });
    expect(all.bySkill.find((row: { skillId: string }) => row.skillId === DEMO.billingSkillId).percentWithin).toBe(
      undefined,
    );

    const navidad = await report('&campaign=Navidad%202026');
    expect([navidad.campaign, navidad.conversations]).toEqual(['Navidad 2026', 5]);
    expect(navidad.bySkill.map((row: { skillId: string }) => row.skillId)).toEqual([DEMO.skillId]);
    expect(navidad.byChannel[0].firstResponse.met + navidad.byChannel[0].firstResponse.breached).toBeLessThanOrEqual(5);
    expect((await report('&campaign=Otra')).conversations).toBe(0);
  });
});
