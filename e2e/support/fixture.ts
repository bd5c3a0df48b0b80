import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { type PanelSignIn, signedInPanel } from './agent-panel.ts';
import { type Chrome, launchWithExtension } from './browser.ts';
import { startTestPlatform, type TestPlatform } from './platform.ts';

export interface E2e {
  /** A real platform on 127.0.0.1 (random port, fresh data directory). */
  platform: TestPlatform;
  /** Debian's Chromium with the built extension loaded (fresh profile). */
  chrome: Chrome;
}

/**
 * One platform and a browser per language, started together before the first test of the enclosing
 * `describe` (or file) and closed after its last. What started is closed even when another part
 * failed to start.
 */
function useBrowsers(langs: readonly string[], clock: Clock | undefined): E2e[] {
  const views = langs.map(() => ({}) as E2e);
  let platform: TestPlatform | undefined;
  beforeAll(async () => {
    const [started, ...chromes] = await Promise.allSettled([
      startTestPlatform(clock),
      ...langs.map((lang) => launchWithExtension(lang)),
    ]);
    if (started?.status === 'fulfilled') platform = started.value;
    chromes.forEach((chrome, i) => {
      if (chrome.status === 'fulfilled') Object.assign(views[i] ?? {}, { platform, chrome: chrome.value });
    });
    const failed = [started, ...chromes].find((result) => result?.status === 'rejected');
    if (failed?.status === 'rejected') throw failed.reason;
  });
  afterAll(async () => {
    await Promise.all(views.map((view) => view.chrome?.close()));
    await platform?.close();
  });
  return views;
}

/**
 * The shared e2e fixture: one platform and one browser with the extension for the enclosing
 * `describe` (or file). Read the fields inside hooks and tests: they are set by `beforeAll`.
 */
export function useE2e({ lang = 'en-US', clock }: { lang?: string; clock?: Clock } = {}): E2e {
  return useBrowsers([lang], clock)[0] as E2e;
}

/**
 * Two agents on one platform, each in a browser of their own (a profile holds one session):
 * `const [a, b] = useTwoAgents()`, then `signIn(a, 'ana')` and `signIn(b, 'bruno')`.
 */
export function useTwoAgents({
  langs = ['en-US', 'en-US'],
  clock,
}: {
  langs?: readonly [string, string];
  clock?: Clock;
} = {}): [E2e, E2e] {
  return useBrowsers(langs, clock) as [E2e, E2e];
}

/** Opens the real side panel and signs `username` in, Available unless told otherwise. */
export const signIn = ({ chrome, platform }: E2e, username = 'ana', options: PanelSignIn = {}) =>
  signedInPanel(chrome.browser, chrome.extensionId, platform.url, username, options);

/** A page for the admin UI at a desktop size. */
export async function adminPage({ chrome }: E2e, viewport = { width: 1280, height: 1000 }): Promise<Page> {
  const page = await chrome.browser.newPage();
  await page.setViewport(viewport);
  return page;
}

/** Opens the admin UI in `page` and signs in (the demo administrator by default). */
export async function signInAdmin({ platform }: E2e, page: Page, username = 'admin', password = 'loro-admin') {
  const form = formDriver(page);
  await page.goto(`${platform.url}/admin`);
  await form.fill('[data-testid="admin-username"]', username);
  await form.fill('[data-testid="admin-password"]', password);
  await form.click('[data-testid="admin-sign-in"]');
}

/** Clicks and typing that wait for their element: `fill` replaces the field's text. */
export function formDriver(page: Page) {
  return {
    click: async (selector: string) => {
      await (await page.waitForSelector(selector))?.click();
    },
    fill: async (selector: string, value: string) => {
      const input = await page.waitForSelector(selector);
      await input?.click({ count: 3 });
      await input?.press('Backspace');
      await input?.type(value);
    },
  };
}
