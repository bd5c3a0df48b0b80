import { describe, expect, it } from 'vitest';
import { PAGE_DATA_ID } from '../http/web-page.ts';
import { testPlatform } from '../testing/harness.ts';
import { CUSTOMER_PAGE_ACCEPT } from './customer-routes.ts';

describe('the customer simulator page', () => {
  it('is the built customer entry, with the file types the simulator takes as page data, under the strict CSP', async () => {
    const t = await testPlatform();
    const page = await t.app.request('http://platform.test/simulator');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/assets/customer-test.js"></script>');
    const data = html.match(new RegExp(`<script type="application/json" id="${PAGE_DATA_ID}">(.*)</script>`))?.[1];
    expect(JSON.parse(data ?? 'null')).toEqual(CUSTOMER_PAGE_ACCEPT);
    expect(CUSTOMER_PAGE_ACCEPT.media.split(',')).toContain('image/jpeg');
    expect(CUSTOMER_PAGE_ACCEPT.voice.split(',').every((type) => type.startsWith('audio/'))).toBe(true);
    // The old inline-served script is gone: the page's code is the build's, under /assets.
    expect((await t.app.request('http://platform.test/simulator/app.js')).status).toBe(404);
  });
});
