import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { launchWithExtension, screenshot } from './support/browser.ts';
import { adminApi, startTestPlatform } from './support/platform.ts';

/** The users list ordered by a column header and paged on the server, its place kept in the URL. */
describe('admin lists: sort by column, page size, next and previous, in the URL', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;
  let admin: Page;

  beforeAll(async () => {
    platform = await startTestPlatform();
    chrome = await launchWithExtension();
    admin = await chrome.browser.newPage();
    await admin.setViewport({ width: 1280, height: 1000 });
    const api = await adminApi(platform.url);
    // Enough users for two pages of 10.
    for (let n = 1; n <= 12; n++) {
      const username = `agente${String(n).padStart(2, '0')}`;
      const created = await api('POST', 'users', {
        username,
        displayName: `Agente ${n}`,
        role: 'agent',
        roleId: DEMO.roleId,
        password: 'una-clave-larga-1',
        capacity: 2,
        skills: [],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
  });

  afterAll(async () => {
    await chrome?.close();
    await platform?.close();
  });

  const usernames = () =>
    admin.$$eval('[data-testid="users-page"] tbody tr td:nth-child(2)', (cells) =>
      cells.map((c) => c.textContent ?? ''),
    );

  it('orders by username descending, pages by 10, and a reload comes back to the same page (in Spanish)', async () => {
    await admin.goto(`${platform.url}/admin`);
    await admin.evaluate(() => localStorage.setItem('loro.admin.lang', 'es'));
    await admin.reload();
    await (await admin.waitForSelector('[data-testid="admin-username"]'))?.type('admin');
    await (await admin.waitForSelector('[data-testid="admin-password"]'))?.type('loro-admin');
    await (await admin.waitForSelector('[data-testid="admin-sign-in"]'))?.click();
    await (await admin.waitForSelector('[data-testid="nav-users"]'))?.click();
    await admin.waitForSelector('[data-testid="users-page"] [data-testid="sort-username"]');

    await admin.click('[data-testid="sort-username"]');
    await admin.waitForFunction(() => location.hash.includes('users.sort=username'));
    await admin.click('[data-testid="sort-username"]');
    await admin.waitForFunction(() => location.hash.includes('users.sort=-username'));
    await admin.select('[data-testid="page-size"]', '10');
    await admin.waitForFunction(() => document.querySelectorAll('[data-testid="users-page"] tbody tr').length === 10);
    const first = await usernames();
    expect([...first].sort().reverse()).toEqual(first);
    expect(await admin.$eval('[data-testid="sort-username"]', (b) => b.closest('th')?.getAttribute('aria-sort'))).toBe(
      'descending',
    );
    expect(await admin.$eval('[data-testid="previous-page"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);

    await admin.click('[data-testid="next-page"]');
    await admin.waitForFunction(
      () => document.querySelector('[data-testid="page-number"]')?.textContent === 'Página 2',
    );
    const second = await usernames();
    expect(second.length).toBeGreaterThan(0);
    expect(second.every((name) => first.every((earlier) => name < earlier))).toBe(true);
    expect(await admin.$eval('[data-testid="next-page"]', (b) => b.textContent)).toBe('Siguiente');
    await screenshot(admin, 'admin-list-paging');

    // The place is in the URL: a reload (or the link) shows the same page.
    const url = admin.url();
    expect(url).toContain('users.limit=10');
    expect(url).toContain('users.at=');
    await admin.reload();
    await admin.waitForFunction(
      () => document.querySelector('[data-testid="page-number"]')?.textContent === 'Página 2',
    );
    expect(await usernames()).toEqual(second);

    await admin.click('[data-testid="previous-page"]');
    await admin.waitForFunction(
      () => document.querySelector('[data-testid="page-number"]')?.textContent === 'Página 1',
    );
    expect(await usernames()).toEqual(first);
  });
});
