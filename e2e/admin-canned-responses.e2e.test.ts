import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { adminPage, formDriver, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

/** Issue 16 item 2, the administrator's half: canned responses made in the admin UI. */
describe('canned responses in the admin UI', () => {
  const e2e = useE2e();
  let admin: Page;

  beforeAll(async () => {
    admin = await adminPage(e2e);
  });

  const click = (selector: string) => formDriver(admin).click(selector);
  const fill = (selector: string, value: string) => formDriver(admin).fill(selector, value);

  it('refuses a bad shortcut next to its field, then creates the response with a variable from the help', async () => {
    await admin.goto(`${e2e.platform.url}/admin`);
    await fill('[data-testid="admin-username"]', 'admin');
    await fill('[data-testid="admin-password"]', 'loro-admin');
    await click('[data-testid="admin-sign-in"]');
    await click('[data-testid="nav-canned-responses"]');
    await click('[data-testid="canned-responses-page"] [data-testid="add"]');
    await fill('[data-testid="field-name"]', 'Greeting');
    await fill('[data-testid="field-shortcut"]', '/Hello there');
    await fill('[data-testid="field-text"]', 'Hello , I am {{agent.firstName}}.');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="error-shortcut"]');
    expect(await text(admin, '[data-testid="error-shortcut"]')).toBe(
      'use 1 to 32 lowercase letters, digits, _ or -, starting with a letter or digit, without the /',
    );
    await screenshot(admin, 'admin-canned-bad-shortcut');
    const api = await adminApi(e2e.platform.url);
    expect((await api('GET', 'canned-responses')).body).toEqual([]);

    await fill('[data-testid="field-shortcut"]', 'hello');
    // The variable goes where the cursor is: after "Hello ".
    await admin.$eval('[data-testid="field-text"]', (box) => (box as HTMLTextAreaElement).setSelectionRange(6, 6));
    await click('[data-testid="insert-customer.firstName"]');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="notice"]');
    await admin.waitForSelector('tr[data-name="Greeting"]');
    expect(await text(admin, 'tr[data-name="Greeting"]')).toContain('/hello');
    const [saved] = (await api('GET', 'canned-responses')).body;
    expect(saved).toMatchObject({
      name: 'Greeting',
      shortcut: 'hello',
      text: 'Hello {{customer.firstName}}, I am {{agent.firstName}}.',
      language: 'en',
      allChannels: true,
      version: 1,
    });
    await screenshot(admin, 'admin-canned-list');
  });

  it('speaks Spanish: the menu entry and the field’s error', async () => {
    await click('[data-testid="language"]');
    expect(await text(admin, '[data-testid="nav-canned-responses"]')).toBe('Respuestas predefinidas');
    await click('[data-testid="canned-responses-page"] [data-testid="add"]');
    await fill('[data-testid="field-name"]', 'Saludo');
    await fill('[data-testid="field-shortcut"]', 'hola{{');
    await fill('[data-testid="field-text"]', 'Hola {{cliente.nombre}}');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="error-shortcut"]');
    expect(await text(admin, '[data-testid="error-shortcut"]')).toBe(
      'use de 1 a 32 minúsculas, dígitos, _ o -, empezando por una letra o un dígito, sin la /',
    );
    expect(await text(admin, '[data-testid="error-text"]')).toBe(
      '{{cliente.nombre}} no es una variable: use una de la lista de abajo',
    );
    await screenshot(admin, 'admin-canned-errors-es');
    await click('[data-testid="language"]');
  });
});
