import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

/** A real 2×2 PNG. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DwHwyBDAgBFMJgBgA2pQf6e3QqRgAAAABJRU5ErkJggg==',
  'base64',
);

async function pick(page: Page, input: string, path: string) {
  const element = (await page.$(input)) as ElementHandle<HTMLInputElement> | null;
  await element?.uploadFile(path);
}

describe('the customer’s phone sends a photo, a document and a voice note (issue 16 item 1, simulator)', () => {
  const e2e = useE2e({ lang: 'es-ES' });
  /** The files the customer picks: in the platform's data directory, deleted with it. */
  let files: string;

  beforeAll(async () => {
    files = e2e.platform.dataDir;
    await writeFile(join(files, 'rotura.png'), PHOTO);
    await writeFile(join(files, 'factura-noviembre.pdf'), '%PDF-1.4 factura');
    await writeFile(join(files, 'nota.ogg'), Buffer.from('OggS\0voice'));
  });

  it('each reaches the agent as its kind: the photo shown, the document by name, the voice note to play', async () => {
    const panel = await signIn(e2e, 'ana', { viewport: { width: 380, height: 760 } });
    const phone = await e2e.chrome.browser.newPage();
    await phone.goto(`${e2e.platform.url}/simulator`);
    await phone.waitForSelector('[data-testid="business-number"] option');
    expect(await phone.$eval('[data-testid="file-input"]', (el) => el.getAttribute('accept'))).toContain(
      'application/pdf',
    );

    // A photo with the typed text as its caption.
    await phone.type('[data-testid="message-input"]', 'Así llegó la caja');
    await pick(phone, '[data-testid="file-input"]', join(files, 'rotura.png'));
    await phone.waitForSelector('[data-testid="customer-message"] [data-testid="media-image"]').catch(async () => {
      throw new Error(`phone: ${await text(phone, 'body')}`);
    });
    await panel.bringToFront();
    await acceptOffer(panel);
    await panel.waitForSelector('[data-testid="customer-message"] [data-testid="message-image"]');
    expect(await text(panel, '[data-testid="customer-message"]:last-of-type')).toContain('Así llegó la caja');

    // A document, then a voice note.
    await phone.bringToFront();
    await pick(phone, '[data-testid="file-input"]', join(files, 'factura-noviembre.pdf'));
    await phone.waitForSelector('[data-testid="media-document"]');
    await pick(phone, '[data-testid="voice-input"]', join(files, 'nota.ogg'));
    await phone.waitForSelector('[data-testid="media-audio"]');
    await screenshot(phone, 'simulator-customer-attachments');

    await panel.bringToFront();
    await panel.waitForSelector('[data-testid="message-document"]');
    expect(await text(panel, '[data-testid="message-document"]')).toContain('factura-noviembre.pdf');
    await panel.waitForSelector('[data-testid="play-media"]');
    expect(await text(panel, '[data-testid="play-media"]')).toMatch(/nota de voz/i);
    await screenshot(panel, 'es-side-panel-customer-attachments-380');
  });
});
