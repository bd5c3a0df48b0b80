import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites } from './support/customer.ts';
import { signIn, useTwoAgents } from './support/fixture.ts';
import { loginToken } from './support/platform.ts';

/** A real 2×2 PNG (the browser decodes it: its natural width proves the photo loaded). */
const PHOTO =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DwHwyBDAgBFMJgBgA2pQf6e3QqRgAAAABJRU5ErkJggg==';
const PANEL = { width: 380, height: 760 };

/** Private notes and the customer context (issue 16, items 3 and 4), in the real side panel at 380 px. */
describe('private notes and the customer view', () => {
  // Ana signs in from an English browser, and later from a Spanish one.
  const [english, spanish] = useTwoAgents({ langs: ['en-US', 'es-ES'] });

  const accept = async (panel: Page) => {
    await acceptOffer(panel);
    await panel.waitForSelector('[data-testid="customer-message"]');
  };

  it('the agent adds a note and a tag, and opens a previous conversation read-only', async () => {
    const { url } = english.platform;
    const panel = await signIn(english, 'ana', { viewport: PANEL });

    // A first conversation, ended with a wrap-up note (through the API: the end dialog has its own test).
    await customerWrites(url, 'Where is my order?');
    await accept(panel);
    // With a photo, which the read-only transcript loads like the live one (issue 16 item 4).
    await customerWrites(url, { image: { data: PHOTO, mimeType: 'image/png' } });
    await panel.waitForSelector('[data-testid="message-image"]');
    const token = await loginToken(url, 'ana', 'loro-agent');
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const [first] = (await (await fetch(`${url}/api/conversations`, { headers: auth })).json()) as {
      id: string;
    }[];
    await fetch(`${url}/api/conversations/${first?.id}/end`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ closureReasonId: 'closure_resolved', note: 'Sent the tracking link' }),
    });
    await panel.waitForSelector('[data-testid="customer-message"]', { hidden: true });

    await customerWrites(url, 'It arrived broken');
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
    const outbox = await fetch(`${url}/simulator/api/outbox`);
    expect(await outbox.text()).not.toContain('Offer a refund');
  });

  it('in Spanish: the customer view speaks the browser’s language', async () => {
    // Ana is still Available from the first test: sign in without changing her state.
    const panel = await signIn(spanish, 'ana', { available: false, viewport: PANEL });
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
