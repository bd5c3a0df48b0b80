import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { put } from '../mock-platform/src/platform/records.ts';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { type Customer, customerWrites } from './support/customer.ts';
import { signIn, useE2e } from './support/fixture.ts';

/**
 * After-contact work in the side panel (issue 13): Ana hands a conversation over to the billing
 * queue and owes its wrap-up; meanwhile no offer reaches her. Submitting it, or the skill's wrap-up
 * time running out on the platform's clock, brings the waiting customer to her.
 */
describe('after-contact work in the side panel', () => {
  // The platform runs on a manual clock: the wrap-up time runs out by moving it, not by waiting.
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ clock });
  let ana: Page;

  beforeAll(async () => {
    const { store } = e2e.platform.platform.ctx;
    const skill = store.get('skills', DEMO.skillId);
    if (!skill) throw new Error('no demo skill');
    await store.commit([put('skills', { ...skill, wrapUpSeconds: 60, defaultClosureReasonId: 'closure_info' })]);
    ana = await signIn(e2e);
    clock.advance(Math.max(0, Date.now() - clock.now()));
  });

  /** A new customer writes; resolves once the platform has opened the conversation. */
  const newCustomerWrites = async (customer: Customer, message: string) => {
    const { store } = e2e.platform.platform.ctx;
    const before = store.all('conversations').length;
    await customerWrites(e2e.platform.url, message, customer);
    await vi.waitFor(() => expect(store.all('conversations').length).toBeGreaterThan(before), {
      timeout: 5_000,
      interval: 20,
    });
  };
  const offersToAna = () =>
    e2e.platform.platform.ctx.store.where('offers', 'agentId', DEMO.users.ana.id).filter((o) => o.status === 'pending');

  /** Ana takes the offered conversation and hands it to the billing queue: she owes its wrap-up. */
  const takeAndHandOver = async () => {
    await acceptOffer(ana);
    await ana.waitForSelector('[data-testid="customer-message"]');
    await ana.click('[data-testid="transfer-conversation"]');
    await ana.waitForSelector('[data-testid="transfer-dialog"][open]');
    await ana.click('[data-testid="transfer-tab-queue"]');
    await ana.type('[data-testid="transfer-search"]', 'bill');
    await ana.waitForSelector('[data-testid="transfer-target"]:not([disabled])');
    await ana.click('[data-testid="transfer-target"]');
    await ana.click('[data-testid="transfer-submit"]');
    await ana.waitForSelector('[data-testid="end-dialog"][open]');
    // She leaves the wrap-up for later: it stays pending on her desk.
    await ana.keyboard.press('Escape');
    await ana.waitForSelector('[data-testid="wrap-up-pending"]');
    await ana.waitForSelector('[data-testid="agent-state"][data-state="acw"]');
  };

  it('shows the time left and offers her nothing until she submits the wrap-up', async () => {
    await newCustomerWrites({ from: '+34 612 345 678', name: 'María García' }, 'Hola');
    await takeAndHandOver();
    expect(await text(ana, '[data-testid="agent-state"]')).toMatch(/^After-contact work · 0[01]:\d\d left$/);
    await ana.waitForSelector('[data-testid="acw-notice"]');

    // A new customer: Ana is the only support agent and owes a wrap-up, so it waits in the queue.
    await newCustomerWrites({ from: '+34 612 000 222', name: 'Helena Vidal' }, 'Otra consulta');
    // The platform's sweep routes again (serially, after the message): still nothing for her.
    await e2e.platform.platform.sweep();
    const helena = e2e.platform.platform.ctx.store.all('conversations').find((c) => c.customerName === 'Helena Vidal');
    expect(helena?.status).toBe('queued');
    expect(offersToAna()).toEqual([]);
    expect(await ana.$('[data-testid="offer"]')).toBeNull();
    await screenshot(ana, 'side-panel-after-contact-work');

    // She submits the wrap-up: she is Available again and Helena's conversation is offered to her.
    await ana.click('[data-testid="wrap-up-open"]');
    await ana.waitForSelector('[data-testid="end-dialog"][open]');
    await ana.click('[data-testid="closure-reason"]');
    await ana.click('[data-testid="submit-wrap-up"]');
    await ana.waitForSelector('[data-testid="wrap-up-pending"]', { hidden: true });
    await ana.waitForSelector('[data-testid="offer"]');
    expect(offersToAna().map((offer) => offer.conversationId)).toEqual([helena?.id]);
  });

  it('submits the wrap-up with the skill’s default reason when its time runs out, and then offers her the next customer', async () => {
    await takeAndHandOver();
    await newCustomerWrites({ from: '+34 612 000 333', name: 'Iker Sanz' }, 'Una pregunta');
    await e2e.platform.platform.sweep();
    const iker = e2e.platform.platform.ctx.store.all('conversations').find((c) => c.customerName === 'Iker Sanz');
    expect(iker?.status).toBe('queued');
    expect(offersToAna()).toEqual([]);

    clock.advance(60_000);
    await e2e.platform.platform.sweep();
    await ana.waitForSelector('[data-testid="wrap-up-pending"]', { hidden: true });
    await ana.waitForSelector('[data-testid="offer"]');
    expect(offersToAna().map((offer) => offer.conversationId)).toEqual([iker?.id]);
    const wrapUps = e2e.platform.platform.ctx.store.where('wrapUps', 'agentId', DEMO.users.ana.id);
    expect(wrapUps.filter((w) => w.automatic)).toEqual([
      expect.objectContaining({ status: 'done', closureReasonId: 'closure_info' }),
    ]);
    await screenshot(ana, 'side-panel-after-contact-work-timed-out');
  });
});
