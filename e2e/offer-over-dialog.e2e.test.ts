import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { signedInPanel, text } from './support/agent-panel.ts';
import { launchWithExtension, screenshot } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';

/** A customer writes through the simulator. */
async function customerWrites(url: string, from: string, name: string, body: string) {
  await fetch(`${url}/simulator/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phoneNumberId: DEMO.phoneNumberId, from, name, text: body }),
  });
}

/** True when a real click at the centre of `selector` lands on it (not inert, not covered). */
const reachable = (page: Page, selector: string) =>
  page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === element || element.contains(hit);
  });

describe('an offer never arrives hidden behind a modal dialog (issue 13)', () => {
  const clock = new ManualClock(Date.now());
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;
  let ana: Page;

  beforeAll(async () => {
    platform = await startTestPlatform(clock);
    chrome = await launchWithExtension();
    ana = await signedInPanel(chrome.browser, chrome.extensionId, platform.url, 'ana', 'loro-agent');
    clock.advance(Math.max(0, Date.now() - clock.now()));
  });

  afterAll(async () => {
    await chrome?.close();
    await platform?.close();
  });

  it('shows the offer inside the open End dialog; Accept works and the typed wrap-up is kept', async () => {
    await customerWrites(platform.url, '+34 612 345 678', 'María García', 'Hola');
    await ana.waitForSelector('[data-testid="offer"]');
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="customer-message"]');

    await ana.click('[data-testid="end-conversation"]');
    await ana.waitForSelector('[data-testid="end-dialog"][open]');
    await ana.click('[data-testid="closure-reason"]');
    await ana.type('[data-testid="end-dialog"] textarea', 'Llamar mañana');

    // A second customer writes while the dialog is open: the offer shows inside the dialog, once.
    await customerWrites(platform.url, '+34 600 123 456', 'Pablo Ruiz', 'Factura duplicada');
    await ana.waitForSelector('[data-testid="end-dialog"] [data-testid="offer"]');
    expect(await ana.$$eval('[data-testid="offer"]', (offers) => offers.length)).toBe(1);
    expect(await text(ana, '[data-testid="end-dialog"] [data-testid="offer-customer-name"]')).toBe('Pablo Ruiz');
    expect(await reachable(ana, '[data-testid="accept-offer"]')).toBe(true);
    await screenshot(ana, 'side-panel-offer-in-end-dialog');

    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="offer"]', { hidden: true });
    const pablo = platform.platform.ctx.store
      .all('conversations')
      .find((conversation) => conversation.status === 'active' && conversation.agentId === DEMO.users.ana.id);
    expect(pablo).toBeDefined();
    expect(platform.platform.ctx.store.all('offers').filter((offer) => offer.status === 'pending')).toEqual([]);

    // The dialog is still open with what she typed and picked.
    expect(await ana.$('[data-testid="end-dialog"][open]')).not.toBeNull();
    expect(await ana.$eval('[data-testid="end-dialog"] textarea', (area) => (area as HTMLTextAreaElement).value)).toBe(
      'Llamar mañana',
    );
    expect(await ana.$eval('[data-testid="closure-reason"]', (input) => (input as HTMLInputElement).checked)).toBe(
      true,
    );
    await screenshot(ana, 'side-panel-end-dialog-after-accept');

    await ana.click('[data-testid="submit-wrap-up"]');
    await ana.waitForSelector('[data-testid="end-dialog"]', { hidden: true });
    // The End dialog ended María's conversation (not the one she just accepted).
    const ended = platform.platform.ctx.store.all('conversations').filter((c) => c.status === 'ended');
    expect(ended.map((conversation) => conversation.customerName)).toEqual(['María García']);
    const wrapUps = platform.platform.ctx.store.all('wrapUps');
    expect(wrapUps.find((wrapUp) => wrapUp.note === 'Llamar mañana')).toMatchObject({ status: 'done' });
  });

  it('shows the offer inside the open transfer dialog too, keeping the search text', async () => {
    // Pablo's conversation is on her desk: open Transfer for it.
    await ana.waitForSelector('[data-testid="transfer-conversation"]');
    await ana.click('[data-testid="transfer-conversation"]');
    await ana.waitForSelector('[data-testid="transfer-dialog"][open]');
    await ana.type('[data-testid="transfer-search"]', 'bru');

    await customerWrites(platform.url, '+34 655 000 111', 'Lucía Pérez', 'Buenas');
    await ana.waitForSelector('[data-testid="transfer-dialog"] [data-testid="offer"]');
    expect(await reachable(ana, '[data-testid="accept-offer"]')).toBe(true);
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="offer"]', { hidden: true });
    expect(await ana.$('[data-testid="transfer-dialog"][open]')).not.toBeNull();
    expect(await ana.$eval('[data-testid="transfer-search"]', (input) => (input as HTMLInputElement).value)).toBe(
      'bru',
    );
    const active = platform.platform.ctx.store
      .all('conversations')
      .filter((conversation) => conversation.status === 'active' && conversation.agentId === DEMO.users.ana.id);
    expect(active).toHaveLength(2);
  });
});
