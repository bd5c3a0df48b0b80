import { beforeAll, describe, expect, it } from 'vitest';
import { put } from '../mock-platform/src/platform/records.ts';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { adminPage, signInAdmin, useE2e } from './support/fixture.ts';

describe('the SLA dashboard in the admin UI (BY-4)', () => {
  const e2e = useE2e();

  beforeAll(async () => {
    // Three conversations from the last days: answered in time, never answered (breached), ended late.
    const { store } = e2e.platform.platform.ctx;
    const hour = 60 * 60_000;
    const now = Date.now();
    const base = { channelId: DEMO.channelId, customerName: 'x', skillId: DEMO.skillId, priority: 0 } as const;
    await store.commit([
      put('conversations', {
        ...base,
        id: 'conv_met',
        customerWaId: '34600000001',
        status: 'ended',
        createdAt: now - 3 * 24 * hour,
        queuedAt: now - 3 * 24 * hour,
        firstResponseAt: now - 3 * 24 * hour + 60_000,
        endedAt: now - 3 * 24 * hour + 120_000,
        agentId: DEMO.users.ana.id,
      }),
      put('conversations', {
        ...base,
        id: 'conv_breached',
        customerWaId: '34600000002',
        status: 'active',
        createdAt: now - 4 * 24 * hour,
        queuedAt: now - 4 * 24 * hour,
        agentId: DEMO.users.ana.id,
      }),
      put('conversations', {
        ...base,
        id: 'conv_billing',
        customerWaId: '34600000003',
        skillId: DEMO.billingSkillId,
        status: 'queued',
        createdAt: now - 60_000,
        queuedAt: now - 60_000,
      }),
    ]);
  });

  it('refuses agents, then shows compliance by channel, queue and hour, and the breaches', async () => {
    const page = await adminPage(e2e, { width: 1200, height: 1100 });
    await signInAdmin(e2e, page, 'ana', 'loro-agent');
    await page.waitForFunction(() => document.querySelector('[data-testid="admin-login-error"]')?.textContent !== '');
    expect(await text(page, '[data-testid="admin-login-error"]')).toBe(
      'This page is for administrators and supervisors.',
    );

    await signInAdmin(e2e, page);
    await page.waitForSelector('body[data-ready="true"]');

    expect(await text(page, '[data-testid="kpi-conversations"]')).toBe('3');
    expect(await text(page, '[data-testid="kpi-first-response"]')).toBe('50%');
    const queues = await page.$$eval('[data-testid="chart-queue"] svg text', (nodes) =>
      nodes.map((n) => n.textContent),
    );
    expect(queues).toEqual(expect.arrayContaining(['Customer support', 'Billing']));
    expect(await page.$$eval('[data-testid="chart-hour"] svg rect', (rects) => rects.length)).toBeGreaterThan(0);
    const breaches = await page.$$eval('[data-testid="breach"] td', (cells) => cells.map((c) => c.textContent));
    expect(breaches.slice(0, 4)).toEqual(['+34600000002', 'Demo WhatsApp', 'Customer support', 'First response']);
    // Each bar says what it counts when pointed at.
    const tips = await page.$$eval('[data-testid="chart-queue"] svg rect title', (nodes) =>
      nodes.map((n) => n.textContent),
    );
    expect(tips).toContain('Customer support · First response · breached: 1');
    expect(await text(page, '[data-testid="sla-refreshed"]')).toContain('refreshes every minute');
    // Each skill's service level, with its campaign column (none set here) and its target.
    const skills = await page.$$eval('[data-testid="service-level-row"]', (rows) =>
      rows.map((r) => r.textContent ?? ''),
    );
    expect(skills.length).toBe(2);
    expect(await page.$('[data-testid="sla-campaign"]')).not.toBeNull();
    await screenshot(page, 'admin-sla-dashboard');

    // A breach drills down to its conversation, read-only, with the supervisor's actions.
    await page.click('[data-testid="breach"] [data-testid="open-breach"]');
    await page.waitForSelector('[data-testid="supervised-conversation"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid="supervised-conversation"]')?.textContent?.includes('+34600000002'),
      { timeout: 10_000 },
    );
    await (await page.$('[data-testid="supervised-conversation"]'))?.scrollIntoView();
    await screenshot(page, 'admin-sla-drill-down');
  });
});
