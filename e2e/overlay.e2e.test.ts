import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { loadUntil, screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

describe('in-page overlay on an agent console', () => {
  const e2e = useE2e();

  it('adds a launcher in a shadow root that opens the side panel, without exposing it to the page', async () => {
    const page = await e2e.chrome.browser.newPage();
    const launcher = await launcherOn(page, `${e2e.platform.url}/demo/console`);
    // The host page's own DOM queries do not see inside the extension's shadow root.
    expect(await page.evaluate(() => document.querySelector('[data-testid="loro-launcher"]'))).toBeNull();
    await launcher?.click();
    const panel = await e2e.chrome.browser.waitForTarget(
      (t) => t.url() === `chrome-extension://${e2e.chrome.extensionId}/sidepanel.html`,
    );
    expect(panel.type()).toBe('page');
  });
});

/** Loads `url` until the overlay's launcher is there. */
const launcherOn = (page: Page, url: string) =>
  loadUntil(page, url, (loaded) => loaded.waitForSelector('pierce/[data-testid="loro-launcher"]', { timeout: 500 }));

describe('console pages chosen by the agent', () => {
  const e2e = useE2e();

  it('runs the overlay only on the demo console until the agent adds a page pattern in the options', async () => {
    const page = await e2e.chrome.browser.newPage();
    await launcherOn(page, `${e2e.platform.url}/demo/console`);
    await page.goto(`${e2e.platform.url}/healthz`, { waitUntil: 'load' });
    // Chrome runs document_idle content scripts by the end of the load event at the latest: once the
    // page has been idle after it, an overlay registered for this page would be there.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve)));
    expect(await page.$('pierce/[data-testid="loro-launcher"]')).toBeNull();

    const options = await e2e.chrome.browser.newPage();
    await options.goto(`chrome-extension://${e2e.chrome.extensionId}/options.html`);
    await options.waitForSelector('[data-testid="login-form"], [data-testid="console-patterns-form"]');
    if (await options.$('[data-testid="login-form"]')) {
      const url = await options.$('[data-testid="platform-url"]');
      await url?.click({ count: 3 });
      await url?.type(e2e.platform.url);
      await options.type('[data-testid="username"]', 'ana');
      await options.type('[data-testid="password"]', 'loro-agent');
      await options.click('[data-testid="sign-in"]');
    }
    await options.waitForSelector('[data-testid="console-patterns"]');
    await options.type('[data-testid="console-patterns"]', 'not a pattern');
    await options.click('[data-testid="save-patterns"]');
    await options.waitForSelector('[data-testid="patterns-status"]');
    expect(await options.$eval('[data-testid="patterns-status"]', (e) => e.textContent)).toContain(
      'Line 1: not a pattern',
    );
    await options.$eval('[data-testid="console-patterns"]', (e) => {
      (e as HTMLTextAreaElement).value = '';
    });
    await options.type('[data-testid="console-patterns"]', 'http://127.0.0.1/healthz*');
    await options.click('[data-testid="save-patterns"]');
    await options.waitForFunction(() =>
      document.querySelector('[data-testid="patterns-status"]')?.textContent?.startsWith('Saved'),
    );
    await screenshot(options, 'options-console-pages');

    await launcherOn(page, `${e2e.platform.url}/healthz`);
  });
});

describe('offer toasts on the console page', () => {
  const e2e = useE2e();

  it('shows a toast on the console page when an offer arrives, without the customer’s data', async () => {
    const panel = await signIn(e2e);
    const page = await e2e.chrome.browser.newPage();
    await launcherOn(page, `${e2e.platform.url}/demo/console`);
    await page.bringToFront();
    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        text: 'Hola',
      }),
    });
    await panel.waitForSelector('[data-testid="offer"]');
    const toast = await page.waitForSelector('pierce/[data-testid="loro-toast"]:not([hidden])');
    const shown = await toast?.evaluate((element) => element.textContent ?? '');
    expect(shown).toContain('New WhatsApp conversation offered');
    expect(shown).not.toContain('María');
    await screenshot(page, 'overlay-offer-toast');
  });
});
