import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../extension/utils/contrast.ts';
import { acceptOffer, startConference } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites } from './support/customer.ts';
import { signIn, useTwoAgents } from './support/fixture.ts';

/**
 * Issue 16 item 7: in a conference each agent's bubbles are told apart. Ana (English) owns the
 * conversation and invites Bruno (Spanish); each sees their own replies blue and the other
 * agent's teal (`--bubble-other`), signed with the other's name.
 */
const BLUE = 'rgb(11, 87, 208)';
const TEAL = 'rgb(0, 105, 107)';
const PANEL = { width: 380, height: 720 };

describe('a conference: the other agent’s replies in their own colour, for the host and the guest', () => {
  const [a, b] = useTwoAgents({ langs: ['en-US', 'es-ES'] });

  /** Each agent reply in `panel`: its signature, background and text colour. */
  const replies = (panel: Page) =>
    panel.$$eval('[data-testid="agent-message"]', (messages) =>
      messages.map((message) => {
        const bubble = message.querySelector('.bubble') as HTMLElement;
        return {
          by: message.querySelector('.signature')?.textContent ?? '',
          text: message.querySelector('.text')?.textContent ?? '',
          background: getComputedStyle(bubble).backgroundColor,
          color: getComputedStyle(bubble).color,
        };
      }),
    );
  const reply = async (panel: Page, words: string) => {
    await panel.type('[data-testid="composer-input"]', words);
    await panel.keyboard.press('Enter');
  };

  it('shows Bruno’s replies teal to Ana, and Ana’s teal to Bruno; their own blue', async () => {
    const ana = await signIn(a, 'ana', { viewport: PANEL });
    await customerWrites(a.platform.url, 'Hola', { from: '+34 677 777 777', name: 'Olga Ruiz' });
    await acceptOffer(ana);
    await ana.waitForSelector('[data-testid="start-conference"]');
    // Bruno signs in once the conversation is Ana's: the offer cannot go to him instead.
    const bruno = await signIn(b, 'bruno', { viewport: PANEL });
    await startConference(ana, bruno);

    await reply(ana, 'Hola Olga, le paso con mi compañero.');
    await bruno.waitForFunction(() => document.querySelectorAll('[data-testid="agent-message"]').length === 1);
    await reply(bruno, 'Buenas, soy Bruno: lo miro ahora.');
    for (const panel of [ana, bruno]) {
      await panel.waitForFunction(() => document.querySelectorAll('[data-testid="agent-message"]').length === 2);
    }

    const hostSees = await replies(ana);
    expect(hostSees.map(({ by, background }) => [by, background])).toEqual([
      ['Ana Agent', BLUE],
      ['Bruno Agent', TEAL],
    ]);
    const guestSees = await replies(bruno);
    expect(guestSees.map(({ by, background }) => [by, background])).toEqual([
      ['Ana Agent', TEAL],
      ['Bruno Agent', BLUE],
    ]);
    // Readable either way: white text on both colours at 4.5:1 or more.
    for (const { background, color } of [...hostSees, ...guestSees]) {
      expect(contrastRatio(color, background)).toBeGreaterThanOrEqual(4.5);
    }
    await screenshot(ana, 'conference-host-380');
    await screenshot(bruno, 'es-conference-guest-380');
  });
});
