import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { adminPage, formDriver, signInAdmin, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

/** An administrator imports users from a CSV file: dry run first, then applied without the refused row. */
describe('users CSV import in the admin UI', () => {
  const e2e = useE2e();
  let admin: Page;

  beforeAll(async () => {
    admin = await adminPage(e2e, { width: 1280, height: 900 });
  });

  const click = (selector: string) => formDriver(admin).click(selector);

  it('shows what would be created, changed and refused, then applies the rest in one audited commit', async () => {
    // In the platform's data directory: deleted with it.
    const file = join(e2e.platform.dataDir, 'users.csv');
    await writeFile(
      file,
      [
        'username,displayName,role,roleId,skills,capacity,password',
        `carla,Carla Díaz,agent,${DEMO.roleId},${DEMO.skillId}:7,4,a-long-password`,
        `ana,Ana María Agent,agent,${DEMO.roleId},${DEMO.skillId}:8,3,`,
        'dani,Dani,agent,,,2,a-long-password',
      ].join('\r\n'),
    );
    await signInAdmin(e2e, admin);
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
    const api = await adminApi(e2e.platform.url);
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
