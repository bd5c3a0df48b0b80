import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from './support/browser.ts';
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
