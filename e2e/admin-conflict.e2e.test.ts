import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { adminPage, formDriver, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

/** Two administrators edit the same role: the second save is stopped instead of undoing the first. */
describe('no lost updates in the admin UI', () => {
  const e2e = useE2e();
  let admin: Page;

  beforeAll(async () => {
    admin = await adminPage(e2e, { width: 1280, height: 900 });
  });

  const click = (selector: string) => formDriver(admin).click(selector);
  const fill = (selector: string, value: string) => formDriver(admin).fill(selector, value);

  it('shows what the other administrator changed, and reloads their version or keeps the draft on request', async () => {
    await admin.goto(`${e2e.platform.url}/admin`);
    await fill('[data-testid="admin-username"]', 'admin');
    await fill('[data-testid="admin-password"]', 'loro-admin');
    await click('[data-testid="admin-sign-in"]');
    await click('[data-testid="nav-roles"]');
    await click(`tr[data-name="Agents"] [data-testid="edit"]`);
    await fill('[data-testid="field-name"]', 'Agents (day)');

    // Meanwhile, someone else (the API, another browser) takes End away on the demo channel.
    const other = await adminApi(e2e.platform.url);
    const saved = await other('PUT', `roles/${DEMO.roleId}`, {
      name: 'Agents',
      channels: { [DEMO.channelId]: ['reply', 'templates', 'transfer', 'conference'] },
    });
    expect(saved.status).toBe(200);

    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="conflict"]');
    expect(await text(admin, '[data-testid="conflict"]')).toContain('Another administrator changed this');
    expect(await text(admin, '[data-testid="conflict"] li')).toContain('Alex Admin at ');
    await screenshot(admin, 'admin-conflict');
    // Nothing was overwritten: End is still off.
    expect((await other('GET', `roles/${DEMO.roleId}`)).body.channels[DEMO.channelId]).not.toContain('end');

    // Reload: the editor shows their version (End unticked), the draft is gone.
    await click('[data-testid="conflict-reload"]');
    await admin.waitForFunction(
      () => (document.querySelector('[data-testid="field-name"]') as HTMLInputElement | null)?.value === 'Agents',
    );
    const endBox = await admin.$(`[data-testid="permission-${DEMO.channelId}-end"]`);
    expect(await endBox?.evaluate((box) => (box as HTMLInputElement).checked)).toBe(false);
    await fill('[data-testid="field-name"]', 'Agents (day)');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="notice"]');
    const role = (await other('GET', `roles/${DEMO.roleId}`)).body;
    expect([role.name, role.channels[DEMO.channelId]]).toEqual([
      'Agents (day)',
      ['reply', 'templates', 'transfer', 'conference'],
    ]);
  });

  it('searches a list on the platform, accents and case aside', async () => {
    await click('[data-testid="nav-users"]');
    await admin.waitForSelector('tr[data-name]');
    const names = () => admin.$$eval('tr[data-name]', (rows) => rows.map((row) => row.getAttribute('data-name')));
    const all = await names();
    expect(all.length).toBeGreaterThan(2);
    await fill('[data-testid="list-search"]', 'BRÚNO');
    await admin.waitForFunction(() => document.querySelectorAll('tr[data-name]').length === 1);
    expect((await names())[0]).toMatch(/bruno/i);
    await screenshot(admin, 'admin-list-search');
    await fill('[data-testid="list-search"]', 'nobody-here');
    await admin.waitForFunction(() => document.querySelectorAll('tr[data-name]').length === 0);
    expect(await text(admin, '.empty, [data-testid="empty"]')).toContain('nobody-here');
  });

  it('says what is wrong with a field in plain words, in the UI’s language, next to the field', async () => {
    await click('[data-testid="language"]');
    await click('[data-testid="nav-closure-reasons"]');
    await click('[data-testid="add"]');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="error-name"]');
    expect(await text(admin, '[data-testid="error-name"]')).toBe('es obligatorio');
    expect(await text(admin, '[data-testid="form-error"]')).toBe(
      'Hay campos que corregir: mira el mensaje junto a cada uno.',
    );
    await screenshot(admin, 'admin-field-error-es');
    await click('[data-testid="language"]');
  });
});
