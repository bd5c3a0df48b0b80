import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../shared/clock.ts';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites, reachPairRateLimit, sentToPhone } from './support/customer.ts';
import { signIn, useE2e } from './support/fixture.ts';

/** A real 2×2 PNG. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DwHwyBDAgBFMJgBgA2pQf6e3QqRgAAAABJRU5ErkJggg==',
  'base64',
);

describe('an attachment WhatsApp refuses: on its bubble with Retry, sent again once (issue 16 item 1)', () => {
  // The platform runs on a manual clock: WhatsApp's pair rate window passes by moving it.
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ lang: 'es-ES', clock });
  let photo: string;
  let ana: Page;

  beforeAll(async () => {
    // In the platform's data directory: deleted with it.
    photo = join(e2e.platform.dataDir, 'plano.png');
    await writeFile(photo, PHOTO);
    ana = await signIn(e2e, 'ana', { viewport: { width: 380, height: 760 } });
  });

  /** The photos the customer's phone received from the business. */
  const photosOnThePhone = async () =>
    (await sentToPhone(e2e.platform.url)).filter((message) => message.type === 'image');

  it('keeps the failed photo in the transcript and Retry sends the uploaded file with its caption', async () => {
    await customerWrites(e2e.platform.url, 'Hola');
    await acceptOffer(ana);
    await ana.waitForSelector('[data-testid="attach-file"]');

    // Another system of the business has just flooded this customer: WhatsApp's pair rate (131056).
    await reachPairRateLimit(e2e.platform.url);

    const input = (await ana.$('[data-testid="attach-input"]')) as ElementHandle<HTMLInputElement> | null;
    await input?.uploadFile(photo);
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
    const photos = await photosOnThePhone();
    expect(photos).toHaveLength(1);
    expect(photos[0]?.text).toBe('Aquí tiene el plano');
    await screenshot(ana, 'es-side-panel-retried-attachment-380');
  });
});
