import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';

async function setUp() {
  const t = await testPlatform();
  const admin = await t.login('admin', 'loro-admin');
  const settings = (options: { body?: unknown; headers?: Record<string, string> } = {}) =>
    t.call(options.body === undefined ? 'GET' : 'PUT', '/api/admin/settings', { token: admin, ...options });
  return { t, admin, settings };
}

describe('tenant settings: no administrator silently undoes another’s change', () => {
  it('gives the version with the settings (also as the ETag) and records each changed field', async () => {
    const { t, admin, settings } = await setUp();
    const loaded = await settings();
    expect(loaded.status).toBe(200);
    expect(loaded.body.version).toEqual(expect.any(Number));
    expect(loaded.headers.get('etag')).toBe(`"${loaded.body.version}"`);

    const saved = await settings({
      body: { sla: { ...loaded.body.sla, resolutionMs: 7_200_000 }, version: loaded.body.version },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.version).toBe(loaded.body.version + 1);
    const [entry] = (
      await t.call('GET', '/api/admin/audit?resource=settings&limit=1', {
        token: admin,
      })
    ).body;
    expect(entry.changes).toEqual([
      { field: 'sla.resolutionMs', before: String(loaded.body.sla.resolutionMs), after: '7200000' },
    ]);
  });

  it('refuses a field changed since the version it is based on, naming the change; other fields still save', async () => {
    const { settings } = await setUp();
    const mine = (await settings()).body;
    // Another administrator changes the SLA meanwhile.
    const theirs = await settings({ body: { sla: { ...mine.sla, firstResponseMs: 600_000 } } });
    expect(theirs.status).toBe(200);

    // My masking switch does not touch the SLA: it applies, on my older version.
    const masking = await settings({ body: { maskSensitiveData: true, version: mine.version } });
    expect(masking.status, JSON.stringify(masking.body)).toBe(200);
    expect(masking.body).toMatchObject({ maskSensitiveData: true, sla: { firstResponseMs: 600_000 } });

    // My SLA edit would undo theirs: refused, 409 for a body version, 412 for If-Match.
    const stale = await settings({ body: { sla: { ...mine.sla, resolutionMs: 7_200_000 }, version: mine.version } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect(stale.body.error.message).toMatch(/^This setting was changed by .+ since you loaded it/);
    expect(stale.body.error.issues).toEqual([
      { path: 'version', message: expect.stringMatching(/: Changed settings: sla$/) },
    ]);
    const header = await settings({
      body: { sla: { ...mine.sla, resolutionMs: 7_200_000 } },
      headers: { 'if-match': `"${mine.version}"` },
    });
    expect(header.status).toBe(412);
    const now = (await settings()).body;
    expect(now.sla).toEqual({ ...mine.sla, firstResponseMs: 600_000 });

    // Based on the current version it applies.
    const fresh = await settings({ body: { sla: { ...now.sla, resolutionMs: 7_200_000 }, version: now.version } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.sla).toEqual({ firstResponseMs: 600_000, resolutionMs: 7_200_000 });
  });

  it('names the field and rule of a bad version', async () => {
    const { settings } = await setUp();
    const bad = await settings({ body: { maskSensitiveData: true, version: -1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues).toEqual([
      expect.objectContaining({ path: 'version', message: 'must be the whole number the settings were loaded with' }),
    ]);
  });
});
