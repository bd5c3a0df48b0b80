import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { launchWithExtension, screenshot } from './support/browser.ts';
import { adminApi, startTestPlatform } from './support/platform.ts';

/** An administrator imports users from a CSV file: dry run first, then applied without the refused row. */
describe('users CSV import in the admin UI', () => {
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;
  let admin: Page;

  beforeAll(async () => {
    platform = await startTestPlatform();
    chrome = await launchWithExtension();
    admin = await chrome.browser.newPage();
    await admin.setViewport({ width: 1280, height: 900 });
  });

  afterAll(async () => {
    await chrome?.close();
    await platform?.close();
  });

  const click = async (selector: string) => {
    await (await admin.waitForSelector(selector))?.click();
  };
  const fill = async (selector: string, value: string) => {
    const input = await admin.waitForSelector(selector);
    await input?.click({ count: 3 });
    await input?.press('Backspace');
    await input?.type(value);
  };

  it('shows what would be created, changed and refused, then applies the rest in one audited commit', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'loro-import-'));
    const file = join(folder, 'users.csv');
    await writeFile(
      file,
      [
        'username,displayName,role,roleId,skills,capacity,password',
        `carla,Carla Díaz,agent,${DEMO.roleId},${DEMO.skillId}:7,4,a-long-password`,
        `ana,Ana María Agent,agent,${DEMO.roleId},${DEMO.skillId}:8,3,`,
        'dani,Dani,agent,,,2,a-long-password',
      ].join('\r\n'),
    );
    await admin.goto(`${platform.url}/admin`);
    await fill('[data-testid="admin-username"]', 'admin');
    await fill('[data-testid="admin-password"]', 'loro-admin');
    await click('[data-testid="admin-sign-in"]');
    await click('[data-testid="nav-import-export"]');
    const input = (await admin.waitForSelector('[data-testid="file-users"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    await admin.waitForFunction(
      () => !(document.querySelector('[data-testid="dry-run-users"]') as HTMLButtonElement | null)?.disabled,
    );
    await click('[data-testid="dry-run-users"]');
    await admin.waitForSelector('[data-testid="counts-users"]');
    expect(await text(admin, '[data-testid="counts-users"]')).toBe('1 to create, 1 to change, 0 unchanged, 1 refused');
    const rows = await admin.$$eval('[data-testid="report-users"] tr[data-ref]', (lines) =>
      lines.map((line) => [line.getAttribute('data-ref'), line.getAttribute('data-action'), line.textContent]),
    );
    expect(rows.map(([ref, action]) => [ref, action])).toEqual([
      ['row 2', 'create'],
      ['row 3', 'update'],
      ['row 4', 'refused'],
    ]);
    expect(rows[1]?.[2]).toContain('displayName: Ana Agent → Ana María Agent');
    expect(rows[2]?.[2]).toContain('roleId: an agent needs exactly one role');
    // A refused row stops the import until the administrator chooses to leave it out.
    expect(await admin.$eval('[data-testid="apply-users"]', (button) => (button as HTMLButtonElement).disabled)).toBe(
      true,
    );
    await screenshot(admin, 'admin-import-dry-run');
    const api = await adminApi(platform.url);
    expect((await api('GET', 'users?q=carla')).body).toEqual([]);

    await click('[data-testid="language"]');
    await admin.waitForFunction(() =>
      document.querySelector('[data-testid="report-users"] tr[data-action="refused"]')?.textContent?.includes('rol'),
    );
    expect(await text(admin, '[data-testid="report-users"] tr[data-action="refused"]')).toContain(
      'roleId: un agente necesita exactamente un rol',
    );
    await click('[data-testid="language"]');

    await click('[data-testid="skip-users"]');
    await click('[data-testid="apply-users"]');
    await admin.waitForSelector('[data-testid="report-users"] [data-testid="notice"]');
    expect(await text(admin, '[data-testid="report-users"] [data-testid="notice"]')).toBe(
      'Imported: 1 created, 1 changed, 0 unchanged, 1 refused and left out.',
    );
    await screenshot(admin, 'admin-import-applied');
    expect((await api('GET', 'users?q=carla')).body[0]).toMatchObject({ displayName: 'Carla Díaz', capacity: 4 });
    expect((await api('GET', `users/${DEMO.users.ana.id}`)).body.displayName).toBe('Ana María Agent');
    expect((await api('GET', 'users?q=dani')).body).toEqual([]);
    const audit = (await api('GET', 'audit?resource=imports')).body;
    expect(audit[0].summary).toBe('Imported users from CSV: 1 created, 1 changed, 0 unchanged, 1 refused (skipped)');
  });
});
