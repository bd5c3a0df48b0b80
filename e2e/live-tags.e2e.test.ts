import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { signedInPanel } from './support/agent-panel.ts';
import { launchWithExtension, screenshot } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';

/** Issue 16 item 4: in a conference, a tag one agent sets shows at once in the other's open customer view. */
describe('customer tags live between the conference host and guest', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chromes: Awaited<ReturnType<typeof launchWithExtension>>[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    chromes = await Promise.all([launchWithExtension(), launchWithExtension('es-ES')]);
  });

  afterAll(async () => {
    await Promise.all(chromes.map((chrome) => chrome.close()));
    await platform?.close();
  });

  const tags = (panel: Page) =>
    panel.$$eval('[data-testid="customer-tag"]', (found) => found.map((tag) => tag.firstChild?.textContent).join());
  const tagsAre = (panel: Page, expected: string) =>
    panel.waitForFunction(
      (want) =>
        [...document.querySelectorAll('[data-testid="customer-tag"]')]
          .map((tag) => tag.firstChild?.textContent)
          .join() === want,
      {},
      expected,
    );

  it('Ana adds a tag, Bruno sees it; Bruno removes it, Ana sees that', async () => {
    const [a, b] = chromes;
    if (!a || !b) throw new Error('browsers did not start');
    const ana = await signedInPanel(a.browser, a.extensionId, platform.url, 'ana', 'loro-agent');
    await ana.setViewport({ width: 380, height: 720 });
    await fetch(`${platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 677 777 777',
        name: 'Olga Ruiz',
        text: 'Hola',
      }),
    });
    await ana.waitForSelector('[data-testid="accept-offer"]');
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="start-conference"]');
    const bruno = await signedInPanel(b.browser, b.extensionId, platform.url, 'bruno', 'loro-agent');
    await bruno.setViewport({ width: 380, height: 720 });
    await ana.click('[data-testid="start-conference"]');
    await ana.waitForSelector('[data-testid="transfer-target"]:not([disabled])');
    await ana.click('[data-testid="transfer-target"]');
    await ana.click('[data-testid="transfer-submit"]');
    await bruno.waitForSelector('[data-testid="offer"][data-kind="conference"]');
    await bruno.click('[data-testid="accept-offer"]');
    await bruno.waitForSelector('[data-testid="conference-state"][data-state="active"]');
    await ana.waitForSelector('[data-testid="conference-state"][data-state="active"]');

    // Both have the customer view open.
    for (const panel of [ana, bruno]) {
      await panel.click('[data-testid="toggle-customer"]');
      await panel.waitForSelector('[data-testid="customer-name"]');
    }
    expect(await tags(bruno)).toBe('');

    await ana.type('[data-testid="tag-input"]', 'vip');
    await ana.click('[data-testid="tag-add"]');
    await tagsAre(ana, 'vip');
    await tagsAre(bruno, 'vip');
    await screenshot(bruno, 'es-side-panel-live-tag-guest-380');

    await bruno.click('[data-testid="customer-tag"] button');
    await tagsAre(bruno, '');
    await tagsAre(ana, '');
  });
});
