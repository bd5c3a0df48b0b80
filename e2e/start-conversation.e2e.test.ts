import { describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { loadUntil, screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

describe('starting a WhatsApp conversation from a number on the agent console (BY-2)', () => {
  const e2e = useE2e();

  it('puts a WhatsApp button next to each number; it opens the panel to start with an approved template', async () => {
    // Lucía opted in to messages from the demo number (CH-6).
    await fetch(`${e2e.platform.url}/simulator/api/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumberId: DEMO.phoneNumberId, from: '+34 699 000 111', optIn: true }),
    });
    const panel = await signIn(e2e);
    const console = await e2e.chrome.browser.newPage();
    await console.setViewport({ width: 1100, height: 700 });
    await loadUntil(console, `${e2e.platform.url}/demo/console`, (page) =>
      page.waitForFunction(() => document.querySelectorAll('[data-loro-phone]').length === 3, { timeout: 500 }),
    );
    await screenshot(console, 'overlay-phone-buttons');
    // The buttons live in closed shadow roots: the page sees only an empty span.
    expect(await console.$eval('[data-loro-phone]', (host) => [host.shadowRoot, host.textContent])).toEqual([null, '']);
    const [lucia] = await console.$$('[data-loro-phone]');
    await lucia?.click();

    await panel.bringToFront();
    await panel.waitForSelector('[data-testid="start-conversation"]');
    expect(await panel.$eval('[data-testid="start-number"]', (input) => (input as HTMLInputElement).value)).toBe(
      '+34 699 000 111',
    );
    await panel.waitForFunction(
      () => (document.querySelector('[data-testid="start-template"]') as HTMLSelectElement)?.options.length > 1,
    );
    await panel.select('[data-testid="start-template"]', 'order_update|en_US');
    await panel.type('[data-testid="start-variable-1"]', 'Lucía');
    await panel.type('[data-testid="start-variable-2"]', 'A-2001');
    expect(await text(panel, '[data-testid="start-preview"]')).toBe('Hello Lucía, your order A-2001 has shipped.');
    await screenshot(panel, 'side-panel-start-conversation');
    await panel.click('[data-testid="start-send"]');

    await panel.waitForSelector('[data-testid="start-conversation"]', { hidden: true });
    await panel.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="agent-message"]')].some((m) =>
        m.textContent?.includes('Hello Lucía'),
      ),
    );
    expect(await text(panel, '[data-testid="window-state"]')).toMatch(/closed|cerrada/i);

    // A number that never wrote and did not opt in: WhatsApp refuses, and the panel says why.
    await panel.click('[data-testid="new-conversation"]');
    await panel.waitForSelector('[data-testid="start-conversation"]');
    await panel.waitForFunction(
      () => (document.querySelector('[data-testid="start-template"]') as HTMLSelectElement)?.options.length > 1,
    );
    await panel.type('[data-testid="start-number"]', '+1 614 555 0142');
    expect(await panel.$eval('[data-testid="start-number"]', (input) => (input as HTMLInputElement).value)).toBe(
      '+1 614 555 0142',
    );
    await panel.select('[data-testid="start-template"]', 'order_update|en_US');
    await panel.type('[data-testid="start-variable-1"]', 'John');
    await panel.type('[data-testid="start-variable-2"]', 'B-1');
    await panel.click('[data-testid="start-send"]');
    await panel.waitForSelector('[data-testid="start-error"]');
    expect(await text(panel, '[data-testid="start-error"]')).toContain('No consent');
  });
});
