import { describe, expect, it } from 'vitest';
import { text } from './support/agent-panel.ts';
import { signIn, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

// Each payload would set window.__xss (or add an element) if any page rendered it as HTML.
const NAME = '<img src=x onerror="window.__xss=1">Eve';
const TEXT = '<script>window.__xss=2</script><b onmouseover="window.__xss=3">bold?</b> <svg onload="window.__xss=4">';

describe('hostile customer content is rendered inert', () => {
  const e2e = useE2e();

  it('in the side panel (offer, task list, transcript) and in the customer simulator: shown as text, no script runs', async () => {
    const panel = await signIn(e2e);
    const customer = await e2e.chrome.browser.newPage();
    await customer.goto(`${e2e.platform.url}/simulator`);
    await customer.waitForSelector('body[data-ready="true"]');
    await customer.$eval(
      '[data-testid="customer-name"]',
      (input, name) => {
        (input as HTMLInputElement).value = name;
      },
      NAME,
    );
    await customer.type('[data-testid="message-input"]', TEXT);
    await customer.keyboard.press('Enter');
    await customer.waitForSelector('[data-testid="customer-message"]');

    await panel.waitForSelector('[data-testid="offer"]');
    expect(await text(panel, '[data-testid="offer-customer-name"]')).toBe(NAME);
    await panel.click('[data-testid="accept-offer"]');
    await panel.waitForSelector('[data-testid="customer-message"]');
    expect(await text(panel, '[data-testid="customer-message"] .text')).toBe(TEXT);
    expect(await text(panel, '[data-testid="conversation-title"]')).toBe(NAME);
    // Hover where an injected handler would be, to give it every chance to run.
    await panel.hover('[data-testid="customer-message"] .text');

    for (const page of [panel, customer]) {
      const state = await page.evaluate(() => ({
        xss: (window as { __xss?: number }).__xss,
        injected: document.querySelectorAll(
          '[data-testid="transcript"] img, [data-testid="transcript"] script, [data-testid="thread"] img, [data-testid="thread"] script, svg[onload]',
        ).length,
      }));
      expect(state).toEqual({ xss: undefined, injected: 0 });
    }
    expect(await text(customer, '[data-testid="customer-message"] div')).toBe(TEXT);
  });

  it('in the admin UI (roles, skills, closure reasons, rich messages, audit log, SLA breaches): shown as text, no script runs', async () => {
    const admin = await adminApi(e2e.platform.url);
    const create = async (path: string, body: unknown) =>
      expect((await admin('POST', path, body)).status, path).toBe(201);
    await create('roles', { name: NAME, description: TEXT, channels: {} });
    await create('skills', { name: NAME, acceptReject: false, campaign: TEXT });
    await create('closure-reasons', { name: TEXT });
    await create('rich-messages', {
      name: NAME,
      channelIds: [],
      content: { kind: 'list_picker', text: TEXT, button: 'Pick', items: [{ title: 'x', description: '<b>y</b>' }] },
    });

    const page = await e2e.chrome.browser.newPage();
    await page.goto(`${e2e.platform.url}/admin`);
    await page.type('[data-testid="admin-username"]', 'admin');
    await page.type('[data-testid="admin-password"]', 'loro-admin');
    await page.click('[data-testid="admin-sign-in"]');
    await page.waitForSelector('[data-testid="sla-dashboard"]');
    const seen: string[] = [];
    for (const route of ['roles', 'skills', 'closure-reasons', 'rich-messages', 'audit', 'users', 'dashboard']) {
      await page.click(`[data-testid="nav-${route}"]`);
      await page.waitForFunction((r) => location.hash === `#/${r}`, {}, route);
      await page.waitForFunction(() => document.querySelector('main.content table, main.content .empty') !== null);
      seen.push(await page.$eval('main.content', (main) => main.textContent ?? ''));
      await page.hover('main.content');
    }
    expect(seen.join('\n')).toContain(NAME);
    expect(seen.join('\n')).toContain(TEXT);
    const state = await page.evaluate(() => ({
      xss: (window as { __xss?: number }).__xss,
      injected: document.querySelectorAll('main img, main script, main b, main svg[onload]').length,
    }));
    expect(state).toEqual({ xss: undefined, injected: 0 });
  });
});
