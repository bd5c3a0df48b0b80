import { describe, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

/** A real 2×2 PNG (the panel must decode it, not just receive it). */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DwHwyBDAgBFMJgBgA2pQf6e3QqRgAAAABJRU5ErkJggg==',
  'base64',
);

describe('photos and rich messages in the side panel (CH-9, TP-3)', () => {
  const e2e = useE2e();

  it('shows the customer’s photo, sends quick replies, and the customer’s tap comes back', async () => {
    const admin = await adminApi(e2e.platform.url);
    await admin('POST', 'rich-messages', {
      name: 'Reembolso o cambio',
      channelIds: [DEMO.channelId],
      content: { kind: 'quick_replies', text: '¿Prefiere reembolso o cambio?', options: ['Reembolso', 'Cambio'] },
    });

    const panel = await signIn(e2e);
    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        image: { data: PHOTO.toString('base64'), mimeType: 'image/png', caption: 'Llegó así' },
      }),
    });
    await panel.waitForSelector('[data-testid="offer"]');
    await panel.click('[data-testid="accept-offer"]');
    const image = await panel.waitForSelector('[data-testid="message-image"]');
    await panel.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 2,
      {},
      image,
    );

    await panel.click('[data-testid="open-rich"]');
    await panel.waitForSelector('[data-testid="rich-message"]');
    await screenshot(panel, 'side-panel-rich-messages');
    await panel.click('[data-testid="send-rich"]');
    await panel.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="agent-message"]')].some((m) =>
        m.textContent?.includes('[Reembolso] [Cambio]'),
      ),
    );

    const customer = await e2e.chrome.browser.newPage();
    await customer.goto(`${e2e.platform.url}/simulator`);
    await customer.waitForSelector('[data-testid="option"][data-id="option_2"]');
    await customer.click('[data-testid="option"][data-id="option_2"]');
    await panel.bringToFront();
    await panel.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="customer-message"] .text')].some((m) => m.textContent === 'Cambio'),
    );
    await screenshot(panel, 'side-panel-photo-and-choice');
  });
});
