import type { Browser, Page } from 'puppeteer-core';
import { openSidePanel } from './browser.ts';

export interface PanelSignIn {
  /** The demo agents' password by default. */
  password?: string;
  /** Go Available once signed in (default); `false` leaves the state as the platform has it. */
  available?: boolean;
  /** The panel's size; the side panel's default is 400 × 760. */
  viewport?: { width: number; height: number };
}

/** Opens the real side panel in `browser` and signs `username` in (and, by default, goes Available). */
export async function signedInPanel(
  browser: Browser,
  extensionId: string,
  platformUrl: string,
  username: string,
  { password = 'loro-agent', available = true, viewport }: PanelSignIn = {},
): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(`${platformUrl}/healthz`);
  const panel = await openSidePanel(browser, extensionId, tab);
  if (viewport) await panel.setViewport(viewport);
  await panel.waitForSelector('[data-testid="login-form"]');
  const url = await panel.$('[data-testid="platform-url"]');
  await url?.click({ count: 3 });
  await url?.type(platformUrl);
  await panel.type('[data-testid="username"]', username);
  await panel.type('[data-testid="password"]', password);
  await panel.click('[data-testid="sign-in"]');
  if (!available) {
    await panel.waitForSelector('[data-testid="agent-state"]');
    return panel;
  }
  await panel.waitForSelector('[data-testid="go-available"]');
  await panel.click('[data-testid="go-available"]');
  await panel.waitForSelector('[data-testid="agent-state"][data-state="available"]');
  return panel;
}

export const text = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');

/** Accepts the offer the panel shows (waiting for it), and waits until it has left the panel. */
export async function acceptOffer(panel: Page): Promise<void> {
  await panel.waitForSelector('[data-testid="accept-offer"]');
  await panel.click('[data-testid="accept-offer"]');
  await panel.waitForSelector('[data-testid="offer"]', { hidden: true });
}

/** The host invites the guest (the only agent listed) to the open conversation; the guest joins. */
export async function startConference(host: Page, guest: Page): Promise<void> {
  await host.click('[data-testid="start-conference"]');
  await host.waitForSelector('[data-testid="transfer-dialog"][open]');
  await host.waitForSelector('[data-testid="transfer-target"]:not([disabled])');
  await host.click('[data-testid="transfer-target"]');
  await host.click('[data-testid="transfer-submit"]');
  await guest.waitForSelector('[data-testid="offer"][data-kind="conference"]');
  await guest.click('[data-testid="accept-offer"]');
  await guest.waitForSelector('[data-testid="conference-state"][data-state="active"]');
  await host.waitForSelector('[data-testid="conference-state"][data-state="active"]');
}
