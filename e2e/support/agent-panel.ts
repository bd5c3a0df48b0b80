import type { Browser, Page } from 'puppeteer-core';
import { openSidePanel } from './browser.ts';

/** Opens the real side panel in `browser`, signs `username` in and goes Available. */
export async function signedInPanel(
  browser: Browser,
  extensionId: string,
  platformUrl: string,
  username: string,
  password: string,
): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${platformUrl}/healthz`);
  const panel = await openSidePanel(browser, extensionId, tab);
  await panel.waitForSelector('[data-testid="login-form"]');
  const url = await panel.$('[data-testid="platform-url"]');
  await url?.click({ count: 3 });
  await url?.type(platformUrl);
  await panel.type('[data-testid="username"]', username);
  await panel.type('[data-testid="password"]', password);
  await panel.click('[data-testid="sign-in"]');
  await panel.waitForSelector('[data-testid="go-available"]');
  await panel.click('[data-testid="go-available"]');
  await panel.waitForSelector('[data-testid="agent-state"][data-state="available"]');
  return panel;
}

export const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
