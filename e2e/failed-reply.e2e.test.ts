import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock.ts';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites, reachPairRateLimit, sentToPhone } from './support/customer.ts';
import { signIn, useE2e } from './support/fixture.ts';

describe('a reply WhatsApp refuses: its reason on the bubble, live, and Retry (issue 13)', () => {
  // The platform runs on a manual clock: WhatsApp's pair rate window passes by moving it.
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ clock });
  let ana: Page;

  beforeAll(async () => {
    ana = await signIn(e2e);
  });

  /** What the customer's phone received from the business. */
  const onThePhone = async () => (await sentToPhone(e2e.platform.url)).map((message) => message.text);

  it('shows WhatsApp’s refusal in plain words with its code, keeps the SLA clock running, and Retry sends it once', async () => {
    await customerWrites(e2e.platform.url, 'Hola');
    await acceptOffer(ana);
    await ana.waitForSelector('[data-testid="customer-message"]');

    // Another system of the business has just sent this customer a burst of messages: WhatsApp's
    // pair rate limit (131056) is reached.
    await reachPairRateLimit(e2e.platform.url);

    await ana.type('[data-testid="composer-input"]', 'Hola María, ¿me confirma su dirección?');
    await ana.keyboard.press('Enter');
    await ana.waitForSelector('[data-testid="agent-message"] [data-testid="message-failure"]');
    expect(await text(ana, '[data-testid="failure-reason"]')).toBe(
      'WhatsApp refused it: too many messages to this customer in a short time. Wait a moment and retry.',
    );
    expect(await text(ana, '[data-testid="failure-detail"]')).toMatch(/^WhatsApp code 131056: /);
    expect(await ana.$eval('[data-testid="delivery-status"]', (el) => el.getAttribute('data-status'))).toBe('failed');
    // The reply is on its bubble, so the box is free again; no error line repeats it.
    expect(await ana.$eval('[data-testid="composer-input"]', (el) => (el as HTMLTextAreaElement).value)).toBe('');
    expect(await ana.$('[data-testid="send-error"]')).toBeNull();
    // Not delivered is not an answer: the first-response clock is still running.
    await ana.waitForSelector('[data-testid="sla-first-response"][data-state="active"]');
    expect(await onThePhone()).not.toContain('Hola María, ¿me confirma su dirección?');
    await screenshot(ana, 'side-panel-failed-reply');

    // A moment later WhatsApp takes it: Retry sends the same text, once.
    clock.advance(7_000);
    await ana.click('[data-testid="retry-message"]');
    await ana.waitForFunction(() => {
      const bubbles = [...document.querySelectorAll('[data-testid="agent-message"]')];
      const status = bubbles.at(-1)?.querySelector('[data-testid="delivery-status"]')?.getAttribute('data-status');
      return bubbles.length === 2 && status === 'delivered';
    });
    expect(await ana.$('[data-testid="retry-message"]')).toBeNull();
    const bubbles = await ana.$$eval('[data-testid="agent-message"] .text', (els) => els.map((el) => el.textContent));
    expect(bubbles).toEqual(['Hola María, ¿me confirma su dirección?', 'Hola María, ¿me confirma su dirección?']);
    await ana.waitForSelector('[data-testid="sla-first-response"][data-state="met"]');
    expect((await onThePhone()).filter((t) => t === 'Hola María, ¿me confirma su dirección?')).toHaveLength(1);
    await screenshot(ana, 'side-panel-retried-reply');
  });
});
