import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';

describe('SLA report hours', () => {
  it('counts the hour of day on the tenant’s stated clock, and says which', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const settings = (await t.call('GET', '/api/admin/settings', { token: admin })).body;
    const { version: _, ...body } = settings;
    const saved = await t.call('PUT', '/api/admin/settings', {
      token: admin,
      body: { ...body, businessHours: { ...settings.businessHours, timeZone: 'America/Mexico_City' } },
    });
    expect(saved.status).toBe(200);
    await t.customerSays('hola');
    const report = (await t.call('GET', `/api/admin/sla-report?from=0&to=${t.clock.now() + 1}`, { token: admin })).body;
    const hour = DateTime.fromMillis(t.clock.now(), { zone: 'America/Mexico_City' }).toFormat('HH');
    expect(report.timeZone).toBe('America/Mexico_City');
    expect(report.byHour.map((row: { label: string }) => row.label)).toEqual([`${hour}:00`]);
  });
});
