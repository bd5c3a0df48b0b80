import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { signedInPanel, text } from './support/agent-panel.ts';
import { launchWithExtension, screenshot } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';

const CUSTOMER = '34612345678';
/** A real 2×2 PNG. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DwHwyBDAgBFMJgBgA2pQf6e3QqRgAAAABJRU5ErkJggg==',
  'base64',
);

describe('an attachment WhatsApp refuses: on its bubble with Retry, sent again once (issue 16 item 1)', () => {
  // The platform runs on a manual clock: WhatsApp's pair rate window passes by moving it.
  const clock = new ManualClock(Date.now());
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;
  let files: string;
  let ana: Page;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'loro-attachment-retry-'));
    await writeFile(join(files, 'plano.png'), PHOTO);
    platform = await startTestPlatform(clock);
    chrome = await launchWithExtension('es-ES');
    ana = await signedInPanel(chrome.browser, chrome.extensionId, platform.url, 'ana', 'loro-agent');
  });

  afterAll(async () => {
    await chrome?.close();
    await platform?.close();
    await rm(files, { recursive: true, force: true });
  });

  /** The photos the customer's phone received from the business. */
  async function photosOnThePhone(): Promise<unknown[]> {
    const response = await fetch(`${platform.url}/simulator/api/threads/${DEMO.phoneNumberId}/+${CUSTOMER}/messages`);
    const messages = (await response.json()) as { direction: string; type: string }[];
    return messages.filter((m) => m.direction === 'outbound' && m.type === 'image');
  }

  it('keeps the failed photo in the transcript and Retry sends the uploaded file with its caption', async () => {
    await ana.setViewport({ width: 380, height: 760 });
    await fetch(`${platform.url}/simulator/api/messages`, {
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
    await ana.waitForSelector('[data-testid="attach-file"]');

    // Another system of the business has just flooded this customer: WhatsApp's pair rate (131056).
    for (let i = 0; i < 45; i++) {
      const sent = await fetch(`${platform.url}/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
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

    const input = (await ana.$('[data-testid="attach-input"]')) as ElementHandle<HTMLInputElement> | null;
    await input?.uploadFile(join(files, 'plano.png'));
    await ana.waitForSelector('[data-testid="attachment-draft"]');
    await ana.type('[data-testid="attachment-caption"]', 'Aquí tiene el plano');
    await ana.click('[data-testid="attachment-send"]');

    // The refusal is on the photo's bubble, with Retry; the picker is free again and repeats nothing.
    await ana.waitForSelector('[data-testid="agent-message"] [data-testid="retry-message"]');
    expect(await ana.$('[data-testid="agent-message"] [data-testid="message-image"]')).not.toBeNull();
    expect(await text(ana, '[data-testid="agent-message"]')).toContain('Aquí tiene el plano');
    expect(await text(ana, '[data-testid="failure-detail"]')).toContain('131056');
    await ana.waitForSelector('[data-testid="attachment-draft"]', { hidden: true });
    expect(await ana.$('[data-testid="attachment-problem"]')).toBeNull();
    expect(await photosOnThePhone()).toHaveLength(0);
    await screenshot(ana, 'es-side-panel-failed-attachment-380');

    clock.advance(7_000);
    await ana.click('[data-testid="retry-message"]');
    await ana.waitForFunction(() => {
      const bubbles = [...document.querySelectorAll('[data-testid="agent-message"]')];
      const status = bubbles.at(-1)?.querySelector('[data-testid="delivery-status"]')?.getAttribute('data-status');
      return (
        bubbles.length === 2 && status === 'delivered' && bubbles.at(-1)?.querySelector('[data-testid="message-image"]')
      );
    });
    expect(await ana.$('[data-testid="retry-message"]')).toBeNull();
    const photos = (await photosOnThePhone()) as { text: string }[];
    expect(photos).toHaveLength(1);
    expect(photos[0]?.text).toBe('Aquí tiene el plano');
    await screenshot(ana, 'es-side-panel-retried-attachment-380');
  });
});
