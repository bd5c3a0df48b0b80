import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const EXTENSION_DIR = join(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');
export const ARTIFACTS_DIR = join(import.meta.dirname, '..', '..', '.test-results');

/** Debian's Chromium with the extension loaded: `restart()` closes it and starts it again on the same profile. */
export interface Chrome {
  browser: Browser;
  extensionId: string;
  /** A browser restart (the profile, and what the extension stored in it, is kept). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, headless, with a fresh profile.
 * `lang` is the browser's language: the panel speaks Spanish for `es-*`. The profile is deleted on close.
 */
export async function launchWithExtension(lang = 'en-US'): Promise<Chrome> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'loro-chrome-'));
  const launch = async () => {
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      enableExtensions: [EXTENSION_DIR],
      userDataDir,
      // Headless Chromium takes its UI language (navigator.language) from the environment.
      env: { ...process.env, LANG: `${lang.replace('-', '_')}.UTF-8`, LANGUAGE: lang.replace('-', '_') },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--lang=${lang}`,
        `--accept-lang=${lang}`,
      ],
    });
    const worker = await browser.waitForTarget(
      (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    );
    return { browser, extensionId: new URL(worker.url()).host };
  };
  const chrome: Chrome = {
    ...(await launch()),
    async restart() {
      await chrome.browser.close();
      Object.assign(chrome, await launch());
    },
    async close() {
      await chrome.browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
  return chrome;
}

/** Opens the real side panel for `page`'s window, as a click on the toolbar button would. */
export async function openSidePanel(browser: Browser, extensionId: string, page: Page): Promise<Page> {
  const extension = (await browser.extensions()).get(extensionId);
  if (!extension) throw new Error(`extension ${extensionId} is not loaded`);
  await extension.triggerAction(page);
  const target = await browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/sidepanel.html`);
  const panel = await target.asPage();
  await panel.setViewport({ width: 400, height: 760 });
  return panel;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS_DIR, `${name}.png`) as `${string}.png` });
}

/**
 * Loads `url` until `ready` succeeds: the overlay content script is registered by the extension's
 * background when it starts, so the first loads of a fresh browser may come before it.
 * `ready` should wait briefly (about half a second) and throw when the page is not ready yet.
 */
export async function loadUntil<T>(page: Page, url: string, ready: (page: Page) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    await page.goto(url);
    try {
      return await ready(page);
    } catch (error) {
      if (attempt >= 20) throw error;
    }
  }
}
