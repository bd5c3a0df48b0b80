import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../app.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import type { AdminApi } from './admin.ts';

describe('the administration API’s typed contract (AdminApi, and AppType carrying it)', () => {
  it('types the settings, the audit log and the SLA report, no casts', async () => {
    const t = await testPlatform();
    const token = await t.login(DEMO.users.admin.username, DEMO.users.admin.password);
    const options = {
      fetch: (input: RequestInfo | URL, init?: RequestInit) => t.app.request(input, init),
      headers: { authorization: `Bearer ${token}` },
    };
    const admin = hc<AdminApi>('http://platform.test/api/admin', options);
    const settings = await admin.settings.$get();
    if (settings.status !== 200) throw new Error(`settings answered ${settings.status}`);
    // `maskSensitiveData` is known to TypeScript here: no cast, no hand-written type.
    expect((await settings.json()).maskSensitiveData).toBe(false);
    const saved = await admin.settings.$put({ json: { maskSensitiveData: true } });
    if (saved.status !== 200) throw new Error(`saving answered ${saved.status}`);
    expect((await saved.json()).maskSensitiveData).toBe(true);

    // The same routes through the whole platform's type, under their mount point.
    const app = hc<AppType>('http://platform.test', options);
    const audit = await app.api.admin.audit.$get({ query: { resource: 'settings' } });
    if (audit.status !== 200) throw new Error(`audit answered ${audit.status}`);
    expect((await audit.json()).map((entry) => entry.summary)).toEqual(['Changed settings: masking on']);
    const report = await app.api.admin['sla-report'].$get({ query: {} });
    expect(report.status).toBe(200);
  });
});
