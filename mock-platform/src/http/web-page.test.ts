import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import { renderError } from './errors.ts';
import { builtWebAssets } from './web-assets.ts';
import { renderPage, servePage } from './web-page.ts';

describe('the platform’s browser pages', () => {
  it('name the built files, are never cached themselves, and the hashed files are cached for a year', async () => {
    const t = await testPlatform();
    const page = await t.app.request('http://platform.test/admin');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    expect(html).toContain('<script type="module" src="/assets/admin-test.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/admin-test.css">');
    expect(html).toContain('<div id="app"></div>');
    // Only this origin's files: the page runs under script-src 'self'.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");

    const script = await t.app.request('http://platform.test/assets/admin-test.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await t.app.request('http://platform.test/assets/admin-none.js')).status).toBe(404);
  });

  it('carry server data as JSON that no value can break out of', () => {
    const html = renderPage(
      { script: '/assets/x-1.js', styles: [], preloads: ['/assets/y-2.js'] },
      { entry: 'admin', title: 'A <b>title</b>', lang: 'es', data: { text: '</script><script>alert(1)</script>' } },
    );
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<title>A &#60;b&#62;title&#60;/b&#62;</title>');
    expect(html).toContain('<link rel="modulepreload" href="/assets/y-2.js">');
    const json = /<script type="application\/json" id="page-data">(.*)<\/script>/.exec(html)?.[1] ?? '';
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ text: '</script><script>alert(1)</script>' });
  });

  it('answer 503 saying to run the build when the platform started without one', async () => {
    const app = new Hono().onError(renderError);
    const web = builtWebAssets('/nonexistent/loro-web');
    app.get('/admin', (c) => servePage(c, web, { entry: 'admin', title: 'Loro' }));
    const page = await app.request('http://platform.test/admin');
    expect(page.status).toBe(503);
    expect(await page.json()).toEqual({
      error: { code: 'web_not_built', message: expect.stringContaining('run `npm run build` first') },
    });
  });
});
