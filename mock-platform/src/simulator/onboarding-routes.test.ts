import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { VERTICALS } from './business-profile.ts';

describe('the simulated signup’s routes (CH-2, CH-4)', () => {
  it('serve the built signup page with Meta’s category codes as its data, from this origin only', async () => {
    const t = await testPlatform();
    const page = await t.app.request('http://platform.test/simulator/signup');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/assets/signup-test.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/signup-test.css">');
    const data = JSON.parse(html.match(/<script type="application\/json" id="page-data">(.*)<\/script>/)?.[1] ?? '');
    expect(data).toEqual({ categories: VERTICALS.filter((code) => code !== 'UNDEFINED') });
    // The old inline script is gone: nothing answers its address any more.
    expect((await t.app.request('http://platform.test/simulator/signup.js')).status).toBe(404);
  });

  it('say where each existing profile’s number stands: a started, unverified number is not connected', async () => {
    const t = await testPlatform();
    const started = await t.call('POST', '/simulator/api/signup/number', {
      body: {
        wabaId: DEMO.wabaId,
        phoneNumber: '+34 910 123 456',
        displayName: 'Loro Madrid',
        category: 'RETAIL',
        method: 'SMS',
      },
    });
    expect(started.status).toBe(200);
    const profiles = (await t.call('GET', `/simulator/api/signup/profiles?wabaId=${DEMO.wabaId}`)).body;
    expect(profiles).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ phoneNumber: DEMO.phoneNumber, state: 'connected' }),
        expect.objectContaining({ id: started.body.phoneNumberId, state: 'unverified' }),
      ]),
    );
  });
});
