import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { signedInPanel } from './support/agent-panel.ts';
import { launchWithExtension, screenshot } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';

describe('in-page overlay on an agent console', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;

  beforeAll(async () => {
    platform = await startTestPlatform();
    chrome = await launchWithExtension();
  });

  afterAll(async () => {
    await chrome?.close();
    await platform?.close();
  });

  it('adds a launcher in a shadow root that opens the side panel, without exposing it to the page', async () => {
    const page = await chrome.browser.newPage();
    await page.goto(`${platform.url}/healthz`);
    const launcher = await page.waitForSelector('pierce/[data-testid="loro-launcher"]');
    // The host page's own DOM queries do not see inside the extension's shadow root.
    expect(await page.evaluate(() => document.querySelector('[data-testid="loro-launcher"]'))).toBeNull();
    await launcher?.click();
    const panel = await chrome.browser.waitForTarget(
      (t) => t.url() === `chrome-extension://${chrome.extensionId}/sidepanel.html`,
    );
    expect(panel.type()).toBe('page');
  });
});

describe('offer toasts on the console page', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;

  beforeAll(async () => {
    platform = await startTestPlatform();
    chrome = await launchWithExtension();
  });

  afterAll(async () => {
    await chrome?.close();
    await platform?.close();
  });

  it('shows a toast on the console page when an offer arrives, without the customer’s data', async () => {
    const panel = await signedInPanel(chrome.browser, chrome.extensionId, platform.url, 'ana', 'loro-agent');
    const page = await chrome.browser.newPage();
    await page.goto(`${platform.url}/demo/console`);
    await page.waitForSelector('pierce/[data-testid="loro-launcher"]');
    await page.bringToFront();
    await fetch(`${platform.url}/simulator/api/messages`, {
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
