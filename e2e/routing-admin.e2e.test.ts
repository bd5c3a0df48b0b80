import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { screenshot } from './support/browser.ts';
import { adminPage, formDriver, useE2e } from './support/fixture.ts';

/**
 * Issue 17 and issue 13 in the admin UI: a channel chooses routing by script or by queues, and a
 * skill's queue time-out overflows to its secondary skill with an automatic message.
 */
describe('routing choices in the admin UI', () => {
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ clock });
  let admin: Page;

  beforeAll(async () => {
    admin = await adminPage(e2e, { width: 1280, height: 1400 });
  });

  const click = (selector: string) => formDriver(admin).click(selector);
  const go = async (route: string, ready: string) => {
    await click(`[data-testid="nav-${route}"]`);
    await admin.waitForSelector(ready);
  };
  const fill = (selector: string, value: string) => formDriver(admin).fill(selector, value);

  it('sets a channel to route by script, and a skill’s queue time-out that overflows with a message', async () => {
    await admin.goto(`${e2e.platform.url}/admin`);
    await fill('[data-testid="admin-username"]', 'admin');
    await fill('[data-testid="admin-password"]', 'loro-admin');
    await click('[data-testid="admin-sign-in"]');
    await admin.waitForSelector('[data-testid="sla-dashboard"]');

    // The demo channel routes by queues (it has no script): the form says so and asks no script.
    await go('whatsapp', `[data-testid="channel-${DEMO.channelId}"]`);
    await click(`[data-testid="channel-${DEMO.channelId}"] [data-testid="edit"]`);
    await admin.waitForSelector('[data-testid="channel-editor"]');
    expect(await admin.$eval('[data-testid="field-routingMode"]', (e) => (e as HTMLSelectElement).value)).toBe(
      'queues',
    );
    expect(await admin.$('[data-testid="channel-editor"] [data-testid="field-defaultScriptId"]')).toBeNull();
    await screenshot(admin, 'admin-channel-routing-queues');
    // By script without choosing one: the field is named.
    await admin.select('[data-testid="channel-editor"] [data-testid="field-routingMode"]', 'script');
    await click('[data-testid="channel-editor"] [data-testid="save"]');
    await admin.waitForSelector('[data-testid="channel-editor"] [data-testid="error-defaultScriptId"]');
    await admin.select('[data-testid="channel-editor"] [data-testid="field-defaultScriptId"]', DEMO.scriptId);
    await screenshot(admin, 'admin-channel-routing-script');
    await click('[data-testid="channel-editor"] [data-testid="save"]');
    await admin.waitForSelector('[data-testid="banner"]');
    expect(e2e.platform.platform.ctx.store.get('channels', DEMO.channelId)).toMatchObject({
      routingMode: 'script',
      defaultScriptId: DEMO.scriptId,
    });

    // Customer support: after 60 s waiting, on to Billing with a message to the customer.
    await go('skills', '[data-testid="skills-page"]');
    await click(`tr[data-name="${DEMO.skillName}"] [data-testid="edit"]`);
    await fill('[data-testid="field-queueTimeoutSeconds"]', '60');
    await admin.select('[data-testid="field-secondarySkillId"]', DEMO.billingSkillId);
    await fill('[data-testid="field-queueTimeoutMessage"]', 'All our agents are busy; we will answer you shortly.');
    await admin.select('[data-testid="field-queueTimeoutTemplate"]', `${DEMO.surveyTemplateName}|en_US`);
    await (await admin.$('[data-testid="queue-timeout"]'))?.scrollIntoView();
    await screenshot(admin, 'admin-skill-queue-timeout');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="notice"]');
    expect(e2e.platform.platform.ctx.store.get('skills', DEMO.skillId)).toMatchObject({
      queueTimeoutSeconds: 60,
      secondarySkillId: DEMO.billingSkillId,
      queueTimeoutMessage: 'All our agents are busy; we will answer you shortly.',
      queueTimeoutTemplate: { name: DEMO.surveyTemplateName, language: 'en_US' },
    });

    expect(await admin.$eval(`tr[data-name="${DEMO.skillName}"]`, (e) => e.textContent)).toContain(
      'Queue time-out: 60 s',
    );

    // And in Spanish.
    await click('[data-testid="language"]');
    await click(`tr[data-name="${DEMO.skillName}"] [data-testid="edit"]`);
    await (await admin.waitForSelector('[data-testid="queue-timeout"]'))?.scrollIntoView();
    expect(await admin.$eval('[data-testid="queue-timeout"] legend', (e) => e.textContent)).toBe(
      'Tiempo máximo en cola',
    );
    await screenshot(admin, 'admin-skill-queue-timeout-es');
  });
});
