import { describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

/**
 * Issue 16 item 7: an action that fails tells the agent, in the panel's language, what did not
 * happen and what to do, with the platform's code as a small detail. The failure here: an
 * administrator stops the queue's rejections while the agent looks at an offer she may reject.
 */
describe.each([
  {
    language: 'en-US',
    words: 'The offer was not rejected. Offers of this queue cannot be rejected: accept it.',
    detail: 'Platform code reject_not_allowed',
  },
  {
    language: 'es-ES',
    words: 'La oferta no se rechazó. Las ofertas de esta cola no se pueden rechazar: acéptela.',
    detail: 'Código de la plataforma reject_not_allowed',
  },
])('a failed action in plain words ($language)', ({ language, words, detail }) => {
  const e2e = useE2e({ lang: language });

  it('says the offer was not rejected, why and what to do, the platform’s code below', async () => {
    const panel = await signIn(e2e);
    await panel.setViewport({ width: 380, height: 720 });
    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 655 555 555',
        name: 'Nora Vidal',
        text: 'Hola',
      }),
    });
    await panel.waitForSelector('[data-testid="reject-offer"]');

    // Meanwhile an administrator makes the queue's offers mandatory.
    const call = await adminApi(e2e.platform.url);
    const { body: skill } = await call('GET', `skills/${DEMO.skillId}`);
    const { status } = await call('PUT', `skills/${DEMO.skillId}`, { ...skill, acceptReject: false });
    expect(status).toBe(200);

    await panel.click('[data-testid="reject-offer"]');
    await panel.waitForSelector('[data-testid="desk-error"]');
    expect(await text(panel, '[data-testid="desk-error"]')).toBe(`${words}${detail}`);
    expect(await text(panel, '[data-testid="error-detail"]')).toBe(detail);
    const size = await panel.$eval('[data-testid="error-detail"]', (small) => getComputedStyle(small).fontSize);
    expect(Number.parseFloat(size)).toBeLessThan(12);
    await screenshot(panel, `${language.slice(0, 2)}-agent-error-380`);

    // Accepting, as it says, works and clears the error.
    await panel.click('[data-testid="accept-offer"]');
    await panel.waitForSelector('[data-testid="conversation-title"]');
    expect(await panel.$('[data-testid="desk-error"]')).toBeNull();
    expect(await panel.$('[data-testid="send-error"]')).toBeNull();
  });
});
