import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

describe('presence and unavailable reasons in the side panel (issue 13)', () => {
  // The platform runs on a manual clock: the grace period is reached by moving it, not by waiting.
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ clock });
  let ana: Page;

  beforeAll(async () => {
    ana = await signIn(e2e);
  });

  it('shows the unavailable reason she picks, with its duration', async () => {
    await ana.waitForSelector('[data-testid="unavailable-reason"] option[value="reason_lunch"]');
    await ana.select('[data-testid="unavailable-reason"]', 'reason_lunch');
    await ana.waitForSelector('[data-testid="agent-state"][data-state="unavailable"] [data-reason="reason_lunch"]');
    expect(await text(ana, '[data-testid="agent-state"]')).toMatch(/^Unavailable · Lunch · \d\d:\d\d$/);
    const me = e2e.platform.platform.ctx.store.get('agentStatus', DEMO.users.ana.id);
    expect(me).toMatchObject({ state: 'unavailable', reasonId: 'reason_lunch' });
    await screenshot(ana, 'side-panel-unavailable-lunch');
    await ana.click('[data-testid="go-available"]');
    await ana.waitForSelector('[data-testid="agent-state"][data-state="available"]');
  });

  it('makes her Unavailable ("disconnected") once the panel has been closed past the grace, and offers her nothing', async () => {
    await ana.close();
    // The stream closes with the page: the server notices.
    await vi.waitFor(() => expect(e2e.platform.platform.ctx.presence.isConnected(DEMO.users.ana.id)).toBe(false), {
      timeout: 5_000,
      interval: 20,
    });
    expect(e2e.platform.platform.ctx.presence.isConnected(DEMO.users.ana.id)).toBe(false);
    clock.advance(20_000);
    await e2e.platform.platform.sweep();
    expect(e2e.platform.platform.ctx.store.get('agentStatus', DEMO.users.ana.id)).toMatchObject({
      state: 'unavailable',
      reasonId: 'disconnected',
    });
    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        text: 'Hola',
      }),
    });
    await vi.waitFor(() => expect(e2e.platform.platform.ctx.store.all('conversations')).not.toHaveLength(0), {
      timeout: 5_000,
      interval: 20,
    });
    expect(e2e.platform.platform.ctx.store.all('conversations')[0]?.status).toBe('queued');
    expect(e2e.platform.platform.ctx.store.where('offers', 'agentId', DEMO.users.ana.id)).toEqual([]);

    // Reopening the panel shows why.
    ana = await signedInPanelAgain();
    await ana.waitForSelector('[data-testid="disconnected-notice"]');
    expect(await text(ana, '[data-testid="agent-state-reason"]')).toContain('Disconnected');
    await screenshot(ana, 'side-panel-disconnected');
  });

  async function signedInPanelAgain(): Promise<Page> {
    const { openSidePanel } = await import('./support/browser.ts');
    const tab = await e2e.chrome.browser.newPage();
    await tab.goto(`${e2e.platform.url}/healthz`);
    return openSidePanel(e2e.chrome.browser, e2e.chrome.extensionId, tab);
  }
});
