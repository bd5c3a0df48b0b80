import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

const CUSTOMER = '34612345678';

describe('a reply WhatsApp refuses: its reason on the bubble, live, and Retry (issue 13)', () => {
  // The platform runs on a manual clock: WhatsApp's pair rate window passes by moving it.
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ clock });
  let ana: Page;

  beforeAll(async () => {
    ana = await signIn(e2e);
  });

  /** What the customer's phone received from the business. */
  async function onThePhone(): Promise<string[]> {
    const response = await fetch(
      `${e2e.platform.url}/simulator/api/threads/${DEMO.phoneNumberId}/+${CUSTOMER}/messages`,
    );
    const messages = (await response.json()) as { direction: string; text: string }[];
    return messages.filter((m) => m.direction === 'outbound').map((m) => m.text);
  }

  it('shows WhatsApp’s refusal in plain words with its code, keeps the SLA clock running, and Retry sends it once', async () => {
    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: `+${CUSTOMER}`,
        name: 'María García',
        text: 'Hola',
      }),
    });
    await ana.waitForSelector('[data-testid="offer"]');
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="customer-message"]');

    // Another system of the business has just sent this customer a burst of messages: WhatsApp's
    // pair rate limit (131056) is reached.
    for (let i = 0; i < 45; i++) {
      const sent = await fetch(`${e2e.platform.url}/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer loro-demo-access-token' },
        body: JSON.stringify({
          messaging_product: 'whatsapp',
          to: CUSTOMER,
          type: 'text',
          text: { body: `Aviso ${i}` },
        }),
      });
      expect(sent.status).toBe(200);
    }

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
