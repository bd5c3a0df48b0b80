import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { Chrome } from './support/browser.ts';
import { useE2e } from './support/fixture.ts';

/** The options page: it shows the sign-in form, or who is signed in (the same gate as the panel). */
async function optionsPage({ browser, extensionId }: Chrome): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.waitForSelector('[data-testid="login-form"], [data-testid="signed-in"]');
  return page;
}

async function signIn(page: Page, platformUrl: string, staySignedIn: boolean): Promise<void> {
  const url = await page.$('[data-testid="platform-url"]');
  await url?.click({ count: 3 });
  await url?.type(platformUrl);
  await page.type('[data-testid="username"]', 'ana');
  await page.type('[data-testid="password"]', 'loro-agent');
  if (staySignedIn) await page.click('[data-testid="stay-signed-in"]');
  await page.click('[data-testid="sign-in"]');
  await page.waitForSelector('[data-testid="signed-in"]');
}

/** What the extension keeps, read from one of its pages. */
const stored = (page: Page, area: 'local' | 'session') =>
  page.evaluate(async (name) => JSON.stringify(await chrome.storage[name].get()), area);

/** The "stay signed in" credential in the extension origin's IndexedDB (content scripts cannot reach it). */
const inIndexedDb = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('loro-credentials');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('credentials').objectStore('credentials').get('loro.staySignedIn');
          get.onsuccess = () => {
            resolve(JSON.stringify(get.result ?? null));
            db.close();
          };
        };
      }),
  );

describe('the agent token across a browser restart', () => {
  const e2e = useE2e();

  it('is gone after a restart, unless the agent chose "stay signed in"; never on disk', async () => {
    const { chrome, platform } = e2e;
    // Without the box: the token lives in storage.session only, and a restart asks to sign in.
    let page = await optionsPage(chrome);
    await signIn(page, platform.url, false);
    const token = (JSON.parse(await stored(page, 'session')) as Record<string, { token: string }>)['loro.session']
      ?.token;
    expect(token).toEqual(expect.any(String));
    expect(await stored(page, 'local')).not.toContain(token);

    await chrome.restart();
    page = await optionsPage(chrome);
    expect(await page.$('[data-testid="login-form"]')).not.toBeNull();

    // With the box: still no token on disk, and after a restart the agent is signed in again.
    await signIn(page, platform.url, true);
    expect(await stored(page, 'local')).not.toContain(
      (JSON.parse(await stored(page, 'session')) as Record<string, { token: string }>)['loro.session']?.token,
    );
    // The refresh credential is in IndexedDB, not in storage.local (which content scripts can read).
    const credential = JSON.parse(await inIndexedDb(page)) as { refreshToken: string } | null;
    expect(credential?.refreshToken).toEqual(expect.any(String));
    expect(await stored(page, 'local')).not.toContain(credential?.refreshToken);
    expect(await stored(page, 'local')).not.toContain('loro.staySignedIn');

    await chrome.restart();
    page = await optionsPage(chrome);
    await page.waitForSelector('[data-testid="signed-in"]');

    // Signing out ends it: the credential is gone and the next restart asks to sign in.
    await page.click('[data-testid="sign-out"]');
    await page.waitForSelector('[data-testid="login-form"]');
    expect(await inIndexedDb(page)).toBe('null');
    await chrome.restart();
    page = await optionsPage(chrome);
    expect(await page.$('[data-testid="login-form"]')).not.toBeNull();
  }, 180_000); // four browser launches on a shared machine
});
