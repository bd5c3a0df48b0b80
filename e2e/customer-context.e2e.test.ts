import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { signedInPanel, text } from './support/agent-panel.ts';
import { launchWithExtension, openSidePanel, screenshot } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';

/** A real 2×2 PNG (the browser decodes it: its natural width proves the photo loaded). */
const PHOTO =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DwHwyBDAgBFMJgBgA2pQf6e3QqRgAAAABJRU5ErkJggg==';

/** Private notes and the customer context (issue 16, items 3 and 4), in the real side panel at 380 px. */
describe('private notes and the customer view', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;
  let spanish: Awaited<ReturnType<typeof launchWithExtension>> | undefined;

  beforeAll(async () => {
    platform = await startTestPlatform();
    chrome = await launchWithExtension();
  });

  afterAll(async () => {
    await spanish?.close();
    await chrome?.close();
    await platform?.close();
  });

  const customerSays = (body: string) =>
    fetch(`${platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        text: body,
      }),
    });
  const accept = async (panel: Page) => {
    await panel.waitForSelector('[data-testid="accept-offer"]');
    await panel.click('[data-testid="accept-offer"]');
    await panel.waitForSelector('[data-testid="customer-message"]');
  };

  it('the agent adds a note and a tag, and opens a previous conversation read-only', async () => {
    const panel = await signedInPanel(chrome.browser, chrome.extensionId, platform.url, 'ana', 'loro-agent');
    await panel.setViewport({ width: 380, height: 760 });

    // A first conversation, ended with a wrap-up note (through the API: the end dialog has its own test).
    await customerSays('Where is my order?');
    await accept(panel);
    // With a photo, which the read-only transcript loads like the live one (issue 16 item 4).
    await fetch(`${platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        image: { data: PHOTO, mimeType: 'image/png' },
      }),
    });
    await panel.waitForSelector('[data-testid="message-image"]');
    const login = await fetch(`${platform.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'ana', password: 'loro-agent' }),
    });
    const { token } = (await login.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const [first] = (await (await fetch(`${platform.url}/api/conversations`, { headers: auth })).json()) as {
      id: string;
    }[];
    await fetch(`${platform.url}/api/conversations/${first?.id}/end`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ closureReasonId: 'closure_resolved', note: 'Sent the tracking link' }),
    });
    await panel.waitForSelector('[data-testid="customer-message"]', { hidden: true });

    await customerSays('It arrived broken');
    await accept(panel);
    await panel.click('[data-testid="toggle-note"]');
    await panel.type('[data-testid="note-input"]', 'Offer a refund, not a repair');
    await panel.click('[data-testid="note-add"]');
    await panel.waitForSelector('[data-testid="note-message"]');
    expect(await text(panel, '[data-testid="note-message"]')).toBe(
      'Private note · Ana Agent: Offer a refund, not a repair',
    );
    await screenshot(panel, 'side-panel-private-note');

    await panel.click('[data-testid="toggle-customer"]');
    await panel.waitForSelector('[data-testid="customer-name"]');
    expect(await text(panel, '[data-testid="customer-drawer"]')).toContain('Wrote to us');
    await panel.type('[data-testid="tag-input"]', 'vip');
    await panel.click('[data-testid="tag-add"]');
    await panel.waitForSelector('[data-testid="customer-tag"]');
    expect(await text(panel, '[data-testid="customer-tag"]')).toContain('vip');
    await screenshot(panel, 'side-panel-customer-view');

    await panel.click('[data-testid="previous-conversation"]');
    await panel.waitForSelector('[data-testid="past-note"]');
    expect(await text(panel, '[data-testid="past-note"]')).toBe('“Sent the tracking link”');
    expect(await text(panel, '[data-testid="past-conversation"]')).toContain('Where is my order?');
    expect(await panel.$('[data-testid="past-conversation"] textarea')).toBeNull();
    await panel.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>(
        '[data-testid="past-conversation"] [data-testid="message-image"]',
      );
      return image?.complete === true && image.naturalWidth === 2;
    });
    await screenshot(panel, 'side-panel-past-conversation');

    // The note never reached the customer's phone.
    const outbox = await fetch(`${platform.url}/simulator/api/outbox`);
    expect(await outbox.text()).not.toContain('Offer a refund');
  });

  it('in Spanish: the customer view speaks the browser’s language', async () => {
    spanish = await launchWithExtension('es-ES');
    // Ana is still Available from the first test: sign in without changing her state.
    const tab = await spanish.browser.newPage();
    await tab.goto(`${platform.url}/healthz`);
    const panel = await openSidePanel(spanish.browser, spanish.extensionId, tab);
    await panel.waitForSelector('[data-testid="login-form"]');
    const url = await panel.$('[data-testid="platform-url"]');
    await url?.click({ count: 3 });
    await url?.type(platform.url);
    await panel.type('[data-testid="username"]', 'ana');
    await panel.type('[data-testid="password"]', 'loro-agent');
    await panel.click('[data-testid="sign-in"]');
    await panel.setViewport({ width: 380, height: 760 });
    await panel.waitForSelector('[data-testid="note-message"]');
    expect(await text(panel, '[data-testid="toggle-note"]')).toBe('Nota privada');
    await panel.click('[data-testid="toggle-customer"]');
    await panel.waitForSelector('[data-testid="customer-tag"]');
    const drawer = await text(panel, '[data-testid="customer-drawer"]');
    expect(drawer).toContain('Nos escribió');
    expect(drawer).toContain('Etiquetas');
    expect(drawer).toContain('Conversaciones anteriores');
    await screenshot(panel, 'es-side-panel-customer-view');
  });
});
