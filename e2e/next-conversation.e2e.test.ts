import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

/** Alt+Shift+N, read by the key's code as the panel does. */
async function nextShortcut(page: Page) {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press('KeyN');
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

const customers = [
  ['+34 611 111 111', 'Gonzalo Pérez', 'Hola, mi pedido no llegó.'],
  ['+34 622 222 222', 'Helena Ruiz', 'Quería cambiar la talla.'],
  ['+34 633 333 333', 'Iker Sanz', '¿Me enviáis la factura?'],
] as const;

describe('Alt+Shift+N walks the task list in the order it shows (latest activity first), issue 16 item 6', () => {
  const e2e = useE2e({ lang: 'es-ES' });

  const customerWrites = (from: string, name: string, body: string) =>
    fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumberId: DEMO.phoneNumberId, from, name, text: body }),
    });
  const titles = (panel: Page) =>
    panel.$$eval('[data-testid="task"] .task-title', (found) => found.map((title) => title.textContent).join());
  const openIs = (panel: Page, name: string) =>
    panel.waitForFunction(
      (expected) => document.querySelector('[data-testid="conversation-title"]')?.textContent === expected,
      {},
      name,
    );

  it('goes to the next conversation as listed, not as accepted, and wraps round', async () => {
    const panel = await signIn(e2e);
    await panel.setViewport({ width: 380, height: 720 });
    // Accepted in the order Gonzalo, Helena, Iker (the order the desk stores them).
    for (const [number, name, words] of customers) {
      await customerWrites(number, name, words);
      await panel.waitForSelector('[data-testid="accept-offer"]');
      await panel.click('[data-testid="accept-offer"]');
      await panel.waitForSelector('[data-testid="offer"]', { hidden: true });
      await openIs(panel, name);
    }
    // Gonzalo writes again: first in the list. Stored order would go Iker → Gonzalo.
    await customerWrites(customers[0][0], customers[0][1], '¿Hay novedades?');
    await panel.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="task"] .task-title')].map((t) => t.textContent).join() ===
        'Gonzalo Pérez,Iker Sanz,Helena Ruiz',
    );
    expect(await text(panel, '[data-testid="conversation-title"]')).toBe('Iker Sanz');

    await panel.bringToFront();
    await nextShortcut(panel);
    await openIs(panel, 'Helena Ruiz');
    await screenshot(panel, 'es-next-conversation-380');
    await nextShortcut(panel);
    await openIs(panel, 'Gonzalo Pérez');
    await nextShortcut(panel);
    await openIs(panel, 'Iker Sanz');
    expect(await titles(panel)).toBe('Gonzalo Pérez,Iker Sanz,Helena Ruiz');
  });
});
