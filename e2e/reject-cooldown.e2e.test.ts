import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';

describe('no customer is stranded: the only agent rejects (issue 13)', () => {
  // The platform runs on a manual clock: the cooldown is reached by moving it, not by waiting.
  const clock = new ManualClock(Date.now());
  const e2e = useE2e({ clock });
  let ana: Page;

  beforeAll(async () => {
    ana = await signIn(e2e);
  });

  it('offers the conversation to her again once the rejection cooldown has passed', async () => {
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
    await ana.waitForSelector('[data-testid="offer"]');
    await ana.click('[data-testid="reject-offer"]');
    await ana.waitForSelector('[data-testid="offer"]', { hidden: true });
    await screenshot(ana, 'side-panel-rejected-only-agent');

    // Nobody else can take it; just before the cooldown ends it is still waiting, not back at once.
    clock.advance(59_000);
    await e2e.platform.platform.sweep();
    expect(await ana.$('[data-testid="offer"]')).toBeNull();
    expect(e2e.platform.platform.ctx.store.where('conversations', 'status', 'queued')).toHaveLength(1);

    clock.advance(1_000);
    await e2e.platform.platform.sweep();
    await ana.waitForSelector('[data-testid="offer"]');
    expect(await text(ana, '[data-testid="offer-customer-name"]')).toBe('María García');
    expect(await ana.$eval('[data-testid="agent-state"]', (el) => el.getAttribute('data-state'))).toBe('available');
    await screenshot(ana, 'side-panel-offered-again-after-cooldown');

    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="customer-message"]');
    expect(e2e.platform.platform.ctx.store.all('conversations')[0]).toMatchObject({
      status: 'active',
      agentId: DEMO.users.ana.id,
    });
  });
});
