import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../shared/clock.ts';
import { signedInPanel } from './agent-panel.ts';
import { launchWithExtension } from './browser.ts';
import { startTestPlatform } from './platform.ts';

export interface E2e {
  /** A real platform on 127.0.0.1 (random port, fresh data directory). */
  platform: Awaited<ReturnType<typeof startTestPlatform>>;
  /** Debian's Chromium with the built extension loaded (fresh profile). */
  chrome: Awaited<ReturnType<typeof launchWithExtension>>;
}

/**
 * The shared e2e fixture: one platform and one browser with the extension for the enclosing
 * `describe` (or file), started together before its first test and closed after its last.
 * Read the fields inside hooks and tests: they are set by `beforeAll`.
 */
export function useE2e({ lang = 'en-US', clock }: { lang?: string; clock?: Clock } = {}): E2e {
  const e2e = {} as E2e;
  beforeAll(async () => {
    [e2e.platform, e2e.chrome] = await Promise.all([startTestPlatform(clock), launchWithExtension(lang)]);
  });
  afterAll(async () => {
    await e2e.chrome?.close();
    await e2e.platform?.close();
  });
  return e2e;
}

/** Opens the real side panel and signs `username` in, Available (the demo agents' password by default). */
export const signIn = ({ chrome, platform }: E2e, username = 'ana', password = 'loro-agent') =>
  signedInPanel(chrome.browser, chrome.extensionId, platform.url, username, password);

/** A page for the admin UI at a desktop size. */
export async function adminPage({ chrome }: E2e, viewport = { width: 1280, height: 1000 }): Promise<Page> {
  const page = await chrome.browser.newPage();
  await page.setViewport(viewport);
  return page;
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
