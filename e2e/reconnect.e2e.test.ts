import { describe, expect, it } from 'vitest';
import { acceptOffer, text } from './support/agent-panel.ts';
import { customerWrites } from './support/customer.ts';
import { signIn, useE2e } from './support/fixture.ts';

describe('the side panel across a platform restart', () => {
  const e2e = useE2e();

  it('reconnects on its own, keeps the session, and shows what arrived after the restart', async () => {
    const panel = await signIn(e2e);
    await customerWrites(e2e.platform.url, 'before the restart');
    await acceptOffer(panel);
    await panel.waitForSelector('[data-testid="customer-message"]');

    // The platform goes away: the panel says it is reconnecting.
    await e2e.platform.stop();
    await panel.waitForSelector('[data-testid="connection"]');

    // It comes back on the same address and data; the customer writes meanwhile.
    await e2e.platform.start();
    await panel.waitForSelector('[data-testid="connection"]', { hidden: true, timeout: 20_000 });
    await customerWrites(e2e.platform.url, 'after the restart');
    await panel.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="customer-message"] .text')]
          .map((n) => n.textContent)
          .includes('after the restart'),
      { timeout: 20_000 },
    );
    const texts = await panel.$$eval('[data-testid="customer-message"] .text', (nodes) =>
      nodes.map((n) => n.textContent),
    );
    expect(texts).toEqual(['before the restart', 'after the restart']);
    expect(await text(panel, '[data-testid="agent-state"]')).toMatch(/^Available · \d\d:\d\d$/);
  });
});
