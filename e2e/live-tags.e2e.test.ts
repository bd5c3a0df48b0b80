import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { acceptOffer, startConference } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites } from './support/customer.ts';
import { signIn, useTwoAgents } from './support/fixture.ts';

const PANEL = { width: 380, height: 720 };

/** Issue 16 item 4: in a conference, a tag one agent sets shows at once in the other's open customer view. */
describe('customer tags live between the conference host and guest', () => {
  const [a, b] = useTwoAgents({ langs: ['en-US', 'es-ES'] });

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
    const ana = await signIn(a, 'ana', { viewport: PANEL });
    await customerWrites(a.platform.url, 'Hola', { from: '+34 677 777 777', name: 'Olga Ruiz' });
    await acceptOffer(ana);
    await ana.waitForSelector('[data-testid="start-conference"]');
    // Bruno signs in once the conversation is Ana's: the offer cannot go to him instead.
    const bruno = await signIn(b, 'bruno', { viewport: PANEL });
    await startConference(ana, bruno);

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
