import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

/** A real 160×90 PNG (a blue band on green): the customer's phone must decode it, not just receive it. */
const PHOTO = png(160, 90);

function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Array.from({ length: height }, (_, y) =>
    Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, y > height / 3 && y < (2 * height) / 3 ? 0x0b : 0x88)]),
  );
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The customer writes through the simulator's API; `part` is text, media… */
async function customerSends(platformUrl: string, part: Record<string, unknown>) {
  const response = await fetch(`${platformUrl}/simulator/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phoneNumberId: DEMO.phoneNumberId, from: '+34 612 345 678', name: 'María García', ...part }),
  });
  expect(response.status).toBe(201);
}

/** The agent accepts the customer's first message and has the conversation open, at 380 px. */
async function acceptedAt380(panel: Page, platformUrl: string) {
  await panel.setViewport({ width: 380, height: 760 });
  await customerSends(platformUrl, { text: 'Hola, ¿me mandan el plano?' });
  await panel.waitForSelector('[data-testid="offer"]');
  await panel.click('[data-testid="accept-offer"]');
  await panel.waitForSelector('[data-testid="attach-file"]');
}

async function attach(panel: Page, path: string) {
  const input = (await panel.$('[data-testid="attach-input"]')) as ElementHandle<HTMLInputElement> | null;
  await input?.uploadFile(path);
}

describe('attachments both ways (issue 16, item 1)', () => {
  let files: string;

  beforeAll(async () => {
    files = await mkdtemp(join(tmpdir(), 'loro-attachments-'));
    await writeFile(join(files, 'plano.png'), PHOTO);
    // Above WhatsApp's 5 MB for images: the panel refuses it before uploading.
    await writeFile(join(files, 'enorme.png'), Buffer.concat([PHOTO, Buffer.alloc(6 * 1024 * 1024)]));
  });

  afterAll(async () => {
    await rm(files, { recursive: true, force: true });
  });

  describe('in English', () => {
    const e2e = useE2e();

    it('sends a photo with its caption that the customer sees; shows the customer’s document by name', async () => {
      const panel = await signIn(e2e);
      await acceptedAt380(panel, e2e.platform.url);

      await attach(panel, join(files, 'enorme.png'));
      expect(await text(panel, '[data-testid="attachment-problem"]')).toContain(
        'enorme.png is 6 MB: WhatsApp takes files of this type up to 5 MB.',
      );

      await attach(panel, join(files, 'plano.png'));
      await panel.waitForSelector('[data-testid="attachment-draft"]');
      expect(await panel.$('[data-testid="attachment-problem"]')).toBeNull();
      await panel.type('[data-testid="attachment-caption"]', 'Aquí tiene el plano');
      await panel.click('[data-testid="attachment-send"]');
      await panel.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="agent-message"]')].some(
          (m) => m.querySelector('[data-testid="message-image"]') && m.textContent?.includes('Aquí tiene el plano'),
        ),
      );
      // The message may arrive on the event stream before the upload's answer: then the draft goes.
      await panel.waitForSelector('[data-testid="attachment-draft"]', { hidden: true });

      const phone = await e2e.chrome.browser.newPage();
      await phone.goto(`${e2e.platform.url}/simulator`);
      const photo = await phone.waitForSelector('[data-testid="business-message"] [data-testid="media-image"]');
      await phone.waitForFunction(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 160,
        {},
        photo,
      );
      expect(await text(phone, '[data-testid="business-message"]:last-child')).toContain('Aquí tiene el plano');
      await screenshot(phone, 'simulator-agent-photo');

      await customerSends(e2e.platform.url, {
        media: {
          data: Buffer.from('%PDF-1.4').toString('base64'),
          mimeType: 'application/pdf',
          filename: 'contrato-2026.pdf',
        },
      });
      await panel.bringToFront();
      await panel.waitForSelector('[data-testid="customer-message"] [data-testid="message-document"]');
      expect(await text(panel, '[data-testid="message-document"]')).toContain('contrato-2026.pdf');

      // The photo opens larger on click.
      await panel.click('[data-testid="agent-message"] .image-button');
      await panel.waitForSelector('[data-testid="image-lightbox"]');
      await panel.click('[data-testid="image-lightbox"]');
      await screenshot(panel, 'side-panel-attachments-380');
    });
  });

  describe('in Spanish', () => {
    const e2e = useE2e({ lang: 'es-ES' });

    it('words the attach button and the size limit in Spanish', async () => {
      const panel = await signIn(e2e);
      await acceptedAt380(panel, e2e.platform.url);
      expect(await text(panel, '[data-testid="attach-file"]')).toContain('Adjuntar un archivo');
      await attach(panel, join(files, 'enorme.png'));
      expect(await text(panel, '[data-testid="attachment-problem"]')).toContain(
        'enorme.png ocupa 6 MB: WhatsApp admite archivos de este tipo de hasta 5 MB.',
      );
      await attach(panel, join(files, 'plano.png'));
      await panel.waitForSelector('[data-testid="attachment-caption"]');
      expect(await panel.$eval('[data-testid="attachment-caption"]', (i) => (i as HTMLInputElement).placeholder)).toBe(
        'Pie de foto (opcional)',
      );
      await screenshot(panel, 'es-side-panel-attachments-380');
    });
  });
});
