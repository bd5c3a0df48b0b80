import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites } from './support/customer.ts';
import { signIn, useE2e } from './support/fixture.ts';

/** True when a real click at the centre of `selector` lands on it (not inert, not covered). */
const reachable = (page: Page, selector: string) =>
  page.$eval(selector, (element) => {
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit === element || element.contains(hit);
  });

describe('an offer never arrives hidden behind a modal dialog (issue 13)', () => {
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ clock });
  let ana: Page;

  beforeAll(async () => {
    ana = await signIn(e2e);
    clock.advance(Math.max(0, Date.now() - clock.now()));
  });

  it('shows the offer inside the open End dialog; Accept works and the typed wrap-up is kept', async () => {
    await customerWrites(e2e.platform.url, 'Hola');
    await acceptOffer(ana);
    await ana.waitForSelector('[data-testid="customer-message"]');

    await ana.click('[data-testid="end-conversation"]');
    await ana.waitForSelector('[data-testid="end-dialog"][open]');
    await ana.click('[data-testid="closure-reason"]');
    await ana.type('[data-testid="end-dialog"] textarea', 'Llamar mañana');

    // A second customer writes while the dialog is open: the offer shows inside the dialog, once.
    await customerWrites(e2e.platform.url, 'Factura duplicada', { from: '+34 600 123 456', name: 'Pablo Ruiz' });
    await ana.waitForSelector('[data-testid="end-dialog"] [data-testid="offer"]');
    expect(await ana.$$eval('[data-testid="offer"]', (offers) => offers.length)).toBe(1);
    expect(await text(ana, '[data-testid="end-dialog"] [data-testid="offer-customer-name"]')).toBe('Pablo Ruiz');
    expect(await reachable(ana, '[data-testid="accept-offer"]')).toBe(true);
    await screenshot(ana, 'side-panel-offer-in-end-dialog');

    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="offer"]', { hidden: true });
    const pablo = e2e.platform.platform.ctx.store
      .all('conversations')
      .find((conversation) => conversation.status === 'active' && conversation.agentId === DEMO.users.ana.id);
    expect(pablo).toBeDefined();
    expect(e2e.platform.platform.ctx.store.all('offers').filter((offer) => offer.status === 'pending')).toEqual([]);

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
    const ended = e2e.platform.platform.ctx.store.all('conversations').filter((c) => c.status === 'ended');
    expect(ended.map((conversation) => conversation.customerName)).toEqual(['María García']);
    const wrapUps = e2e.platform.platform.ctx.store.all('wrapUps');
    expect(wrapUps.find((wrapUp) => wrapUp.note === 'Llamar mañana')).toMatchObject({ status: 'done' });
  });

  it('shows the offer inside the open transfer dialog too, keeping the search text', async () => {
    // Pablo's conversation is on her desk: open Transfer for it.
    await ana.waitForSelector('[data-testid="transfer-conversation"]');
    await ana.click('[data-testid="transfer-conversation"]');
    await ana.waitForSelector('[data-testid="transfer-dialog"][open]');
    await ana.type('[data-testid="transfer-search"]', 'bru');

    await customerWrites(e2e.platform.url, 'Buenas', { from: '+34 655 000 111', name: 'Lucía Pérez' });
    await ana.waitForSelector('[data-testid="transfer-dialog"] [data-testid="offer"]');
    expect(await reachable(ana, '[data-testid="accept-offer"]')).toBe(true);
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="offer"]', { hidden: true });
    expect(await ana.$('[data-testid="transfer-dialog"][open]')).not.toBeNull();
    expect(await ana.$eval('[data-testid="transfer-search"]', (input) => (input as HTMLInputElement).value)).toBe(
      'bru',
    );
    const active = e2e.platform.platform.ctx.store
      .all('conversations')
      .filter((conversation) => conversation.status === 'active' && conversation.agentId === DEMO.users.ana.id);
    expect(active).toHaveLength(2);
  });
});
