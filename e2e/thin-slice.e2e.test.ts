import { beforeAll, describe, expect, it } from 'vitest';
import { put } from '../mock-platform/src/platform/records.ts';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { openSidePanel, screenshot } from './support/browser.ts';
import { useE2e } from './support/fixture.ts';

describe('one WhatsApp conversation from customer to agent and back', () => {
  const e2e = useE2e();

  beforeAll(async () => {
    // The support queue pops the contact's page in the console when a conversation connects.
    const { platform } = e2e;
    const { store } = platform.platform.ctx;
    const skill = store.get('skills', DEMO.skillId);
    if (skill)
      await store.commit([put('skills', { ...skill, screenPopUrl: `${platform.url}/healthz?pop={conversationId}` })]);
  });

  it('offers the customer’s message to the agent in the side panel, and the reply reaches the customer', async () => {
    const { platform, chrome } = e2e;
    const { browser } = chrome;
    // The customer's phone: the customer simulator page.
    const customer = await browser.newPage();
    await customer.goto(`${platform.url}/simulator`);
    await customer.waitForSelector('body[data-ready="true"]');

    // The agent opens the real side panel from the toolbar and signs in.
    const panel = await openSidePanel(browser, chrome.extensionId, customer);
    await panel.waitForSelector('[data-testid="login-form"]');
    const urlField = await panel.$('[data-testid="platform-url"]');
    await urlField?.click({ count: 3 });
    await urlField?.type(platform.url);
    await panel.type('[data-testid="username"]', DEMO.users.ana.username);
    await panel.type('[data-testid="password"]', DEMO.users.ana.password);
    await panel.click('[data-testid="sign-in"]');
    await panel.waitForSelector('[data-testid="agent-state"][data-state="unavailable"]');
    await panel.click('[data-testid="go-available"]');
    await panel.waitForSelector('[data-testid="agent-state"][data-state="available"]');

    // The agent is looking elsewhere (headless Chromium always reports the panel focused, so
    // say it is not): new offers and messages become desktop notifications.
    await panel.evaluate('document.hasFocus = () => false');

    // The customer writes.
    await customer.type('[data-testid="message-input"]', 'Hola, ¿dónde está mi pedido A-1042?');
    await customer.keyboard.press('Enter');
    await customer.waitForSelector('[data-testid="customer-message"]');

    // The offer pops up with who, from where, to which number and queue.
    await panel.waitForSelector('[data-testid="offer"]');
    expect(await text(panel, '[data-testid="offer-customer-name"]')).toBe('María García');
    expect(await text(panel, '[data-testid="offer-customer-number"]')).toBe('+34 612 34 56 78');
    expect(await text(panel, '[data-testid="offer-origin-number"]')).toBe('+1 614 555 1234');
    expect(await text(panel, '[data-testid="offer-queue"]')).toBe(DEMO.skillName);
    expect(await text(panel, '[data-testid="offer-elapsed"]')).toMatch(/^\d\d:\d\d$/);
    await screenshot(panel, 'side-panel-offer');
    // A desktop notification announced the offer.
    const notifications = (await panel.evaluate('chrome.notifications.getAll()')) as Record<string, boolean>;
    expect(Object.keys(notifications).some((id) => id.startsWith('offer:'))).toBe(true);

    // Accept: the transcript shows the customer's gray bubble with initials.
    await panel.evaluate('document.hasFocus = () => true');
    await panel.click('[data-testid="accept-offer"]');
    await panel.waitForSelector('[data-testid="conversation"]');
    const popped = await browser.waitForTarget((t) => t.url().startsWith(`${platform.url}/healthz?pop=conv_`));
    expect(popped.type()).toBe('page');
    await panel.waitForSelector('[data-testid="customer-message"]');
    expect(await text(panel, '[data-testid="customer-message"] .text')).toBe('Hola, ¿dónde está mi pedido A-1042?');
    expect(await text(panel, '[data-testid="customer-message"] .avatar')).toBe('MG');
    expect(await panel.$('[data-testid="offer"]')).toBeNull();

    // The SLA clocks run; focusing the reply field shows their state in detail (SL-4).
    await panel.waitForSelector('[data-testid="sla-first-response"][data-state="active"]');
    await panel.focus('[data-testid="composer-input"]');
    await panel.waitForSelector('[data-testid="sla-on-focus"]');
    expect(await text(panel, '[data-testid="sla-on-focus"] [data-testid="sla-first-response"]')).toMatch(
      /^First response: due in /,
    );

    // The agent replies with Enter.
    await panel.type('[data-testid="composer-input"]', 'Hola María, tu pedido sale hoy.');
    expect(await text(panel, '[data-testid="composer-counter"]')).toBe('31/4096');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid="agent-message"]');
    expect(await text(panel, '[data-testid="agent-message"] .text')).toBe('Hola María, tu pedido sale hoy.');

    // The customer's phone shows it, and reading it turns the agent's ticks blue.
    await customer.bringToFront();
    await customer.waitForSelector('[data-testid="business-message"][data-status="read"]');
    expect(await text(customer, '[data-testid="business-message"] div')).toBe('Hola María, tu pedido sale hoy.');
    await panel.waitForSelector('[data-testid="delivery-status"][data-status="read"]');
    // The first reply met the first-response SLA.
    await panel.waitForSelector('[data-testid="sla-first-response"][data-state="met"]');
    await screenshot(panel, 'side-panel-conversation');
    await screenshot(customer, 'customer-simulator');
  });

  it('signs out from the options page everywhere, and shows the refusal of wrong credentials', async () => {
    const { platform, chrome } = e2e;
    const { browser } = chrome;
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${chrome.extensionId}/options.html`);
    await page.waitForSelector('[data-testid="signed-in"]');
    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('[data-testid="login-form"]');
    const panelTarget = await browser.waitForTarget((t) => t.url().endsWith('/sidepanel.html'));
    const panel = await panelTarget.asPage();
    await panel.waitForSelector('[data-testid="login-form"]');

    const urlField = await page.$('[data-testid="platform-url"]');
    await urlField?.click({ count: 3 });
    await urlField?.type(platform.url);
    await page.type('[data-testid="username"]', 'ana');
    await page.type('[data-testid="password"]', 'wrong-password');
    await page.click('[data-testid="sign-in"]');
    await page.waitForSelector('[data-testid="login-error"]');
    expect(await text(page, '[data-testid="login-error"]')).toBe('Wrong username or password');
  });
});
