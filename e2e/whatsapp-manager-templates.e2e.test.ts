import { describe, expect, it, vi } from 'vitest';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

describe('templates in the simulator’s WhatsApp Manager: header, buttons, Meta’s languages and review', () => {
  const e2e = useE2e();

  it('creates one with an image header and buttons in es_MX, refuses a bad button by its field, rejects it with a reason the platform lists', async () => {
    const page = await e2e.chrome.browser.newPage();
    await page.setViewport({ width: 1200, height: 1200 });
    await page.goto(`${e2e.platform.url}/simulator/business`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('[data-testid="template-language"] option[value="es_MX"]');
    await page.type('[data-testid="template-name"]', 'oferta_verano');
    await page.select('[data-testid="template-language"]', 'es_MX');
    await page.select('[data-testid="header-format"]', 'IMAGE');
    await page.type('[data-testid="header-example"]', '4::aW1hZ2UvanBn:muestra');
    await page.type('[data-testid="template-body"]', 'Hola {{1}}, su descuento le espera.');
    await page.type('[data-testid="template-examples"]', 'Lucía');
    await page.click('[data-testid="add-button"]');
    await page.type('[data-testid="button-row"]:nth-child(1) [data-testid="button-text"]', 'Me interesa');
    await page.click('[data-testid="add-button"]');
    await page.select('[data-testid="button-row"]:nth-child(2) [data-testid="button-type"]', 'URL');
    await page.type('[data-testid="button-row"]:nth-child(2) [data-testid="button-text"]', 'Ver oferta');
    await page.type(
      '[data-testid="button-row"]:nth-child(2) [data-testid="button-url"]',
      'https://tienda.example/{{1}}/ver',
    );
    await page.click('[data-testid="submit-template"]');
    await page.waitForFunction(() => document.querySelector('[data-testid="create-error"]')?.textContent !== '');
    expect(await text(page, '[data-testid="create-error"]')).toContain(
      'template.components.2.buttons.1.url: a URL may have one variable, {{1}}, at its end',
    );

    await page.$eval('[data-testid="button-row"]:nth-child(2) [data-testid="button-url"]', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.type(
      '[data-testid="button-row"]:nth-child(2) [data-testid="button-url"]',
      'https://tienda.example/{{1}}',
    );
    await page.type('[data-testid="button-row"]:nth-child(2) [data-testid="button-example"]', 'verano');
    await page.click('[data-testid="add-button"]');
    await page.select('[data-testid="button-row"]:nth-child(3) [data-testid="button-type"]', 'COPY_CODE');
    await page.type('[data-testid="button-row"]:nth-child(3) [data-testid="button-example"]', 'VERANO25');
    await page.click('[data-testid="submit-template"]');
    const row = '[data-testid="template-row"][data-name="oferta_verano"]';
    await page.waitForSelector(row);
    expect(await text(page, row)).toContain('es_MX');
    expect(await text(page, row)).toContain('[IMAGE header]');
    expect(await text(page, row)).toContain('[COPY_CODE] VERANO25');
    // PENDING: only Meta's next steps are offered.
    expect(await page.$(`${row} [data-testid="review-PAUSED"]`)).toBeNull();
    await page.select(`${row} [data-testid="reject-reason"]`, 'PROMOTIONAL');
    await page.click(`${row} [data-testid="review-REJECTED"]`);
    await page.waitForFunction(
      (selector) => document.querySelector(selector)?.textContent?.includes('REJECTED'),
      {},
      row,
    );
    expect(await text(page, `${row} .status`)).toBe('REJECTEDPROMOTIONAL');
    expect(await page.$(`${row} [data-testid="review-APPROVED"]`)).toBeNull();
    await screenshot(page, 'whatsapp-manager-templates');

    // The platform stored the webhook: its template list says why.
    const admin = await adminApi(e2e.platform.url);
    // The webhook goes out after the reviewer's answer: wait for it, as the admin would reload.
    await vi.waitFor(async () => {
      const listed = (await admin('GET', 'templates')).body.find((t: { name: string }) => t.name === 'oferta_verano');
      expect(listed).toMatchObject({ status: 'REJECTED', reason: 'PROMOTIONAL' });
    });
  });
});
