import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

/** Alt+Shift+letter, as the panel's shortcuts are read (by the key's code). */
async function shortcut(page: Page, code: 'KeyA' | 'KeyN' | 'KeyE') {
  await page.keyboard.down('Alt');
  await page.keyboard.down('Shift');
  await page.keyboard.press(code);
  await page.keyboard.up('Shift');
  await page.keyboard.up('Alt');
}

describe('the composer in Spanish: canned responses, a quoted reply, typing, shortcuts (issue 16 items 2 and 6)', () => {
  const e2e = useE2e({ lang: 'es-ES' });

  it('inserts a canned response with /, quotes the customer in the reply WhatsApp shows, and ends with Alt+Shift+E', async () => {
    const admin = await adminApi(e2e.platform.url);
    const created = await admin('POST', 'canned-responses', {
      name: 'Saludo',
      shortcut: 'saludo',
      text: 'Hola {{customer.firstName}}, soy {{agent.firstName}}.',
      language: 'es',
      allChannels: true,
      channelIds: [],
    });
    expect(created.status).toBe(201);

    const panel = await signIn(e2e);
    await panel.setViewport({ width: 380, height: 760 });

    // The customer writes from the simulator's phone.
    const customer = await e2e.chrome.browser.newPage();
    await customer.goto(`${e2e.platform.url}/simulator`);
    await customer.waitForSelector('[data-testid="business-number"] option');
    await customer.type('[data-testid="message-input"]', '¿Dónde está mi pedido A-1042?');
    await customer.click('[data-testid="send"]');

    // Alt+Shift+A accepts the offer.
    await panel.waitForSelector('[data-testid="offer"]');
    await panel.bringToFront();
    await shortcut(panel, 'KeyA');
    await panel.waitForSelector('[data-testid="customer-message"]');

    // The help lists the shortcuts, in Spanish.
    await panel.click('[data-testid="shortcuts-toggle"]');
    await panel.waitForSelector('[data-testid="shortcuts-help"]', { visible: true });
    expect(await text(panel, '[data-testid="shortcuts-help"]')).toContain('Alt+Shift+AAceptar la oferta');
    await screenshot(panel, 'es-side-panel-shortcuts-help-380');
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('[data-testid="shortcuts-help"]', { hidden: true });

    // "/" opens the canned responses; Enter inserts the filled text, which the agent edits.
    await panel.click('[data-testid="composer-input"]');
    await panel.keyboard.type('/salu');
    await panel.waitForSelector('[data-testid="canned-option"][data-shortcut="saludo"]');
    expect(await text(panel, '[data-testid="canned-picker"]')).toContain('Respuestas predefinidas');
    // While she types, the customer sees "typing…".
    await customer.waitForSelector('[data-testid="typing"]', { visible: true });
    await panel.keyboard.press('Enter');
    const input = '[data-testid="composer-input"]';
    await panel.waitForFunction(
      (selector) => (document.querySelector(selector) as HTMLTextAreaElement).value === 'Hola María, soy Ana.',
      {},
      input,
    );
    expect(await panel.$('[data-testid="canned-picker"]')).toBeNull();
    await panel.keyboard.type(' Su pedido sale hoy.');

    // Reply quotes the customer's message.
    await panel.click('[data-testid="reply-to-message"]');
    expect(await text(panel, '[data-testid="reply-banner"]')).toContain('Respondiendo a María García');
    await screenshot(panel, 'es-side-panel-quoted-reply-380');
    await panel.focus(input);
    await panel.keyboard.press('Enter');

    await panel.waitForSelector('[data-testid="agent-message"] [data-testid="message-quote"]');
    expect(await text(panel, '[data-testid="agent-message"]')).toContain('¿Dónde está mi pedido A-1042?');
    expect(await text(panel, '[data-testid="agent-message"]')).toContain('Hola María, soy Ana. Su pedido sale hoy.');
    await panel.waitForSelector('[data-testid="reply-banner"]', { hidden: true });
    await screenshot(panel, 'es-side-panel-quoted-transcript-380');

    // The customer's phone shows the reply with the quote, and "typing…" is gone.
    await customer.waitForSelector('[data-testid="business-message"] [data-testid="quoted"]');
    expect(await text(customer, '[data-testid="business-message"] [data-testid="quoted"]')).toContain(
      '¿Dónde está mi pedido A-1042?',
    );
    expect(await text(customer, '[data-testid="business-message"]')).toContain(
      'Hola María, soy Ana. Su pedido sale hoy.',
    );
    await customer.waitForSelector('[data-testid="typing"]', { hidden: true });

    // Alt+Shift+E opens the end dialog.
    await panel.bringToFront();
    await shortcut(panel, 'KeyE');
    await panel.waitForSelector('[data-testid="end-dialog"][open]');
    expect(await text(panel, '[data-testid="end-dialog"]')).toContain('Finalizar conversación');
  });
});
