import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInPanel, text } from './support/agent-panel.ts';
import { launchWithExtension } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';

// Each payload would set window.__xss (or add an element) if any page rendered it as HTML.
const NAME = '<img src=x onerror="window.__xss=1">Eve';
const TEXT = '<script>window.__xss=2</script><b onmouseover="window.__xss=3">bold?</b> <svg onload="window.__xss=4">';

describe('hostile customer content is rendered inert', () => {
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

  it('in the side panel (offer, task list, transcript) and in the customer simulator: shown as text, no script runs', async () => {
    const panel = await signedInPanel(chrome.browser, chrome.extensionId, platform.url, 'ana', 'loro-agent');
    const customer = await chrome.browser.newPage();
    await customer.goto(`${platform.url}/simulator`);
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
});
