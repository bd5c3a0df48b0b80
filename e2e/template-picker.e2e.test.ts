import { describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { signIn, useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

describe('the template picker loaded from the custom component (TP-6)', () => {
  const e2e = useE2e();

  const adminCall = async (method: string, path: string, body?: unknown) =>
    (await (await adminApi(e2e.platform.url))(method, path, body)).body;

  it('says why templates are unavailable, then, once the administrator adds the component, sends one with its variables', async () => {
    const panel = await signIn(e2e);
    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        text: '¿Dónde está mi pedido?',
      }),
    });
    await panel.waitForSelector('[data-testid="offer"]');
    await panel.click('[data-testid="accept-offer"]');
    await panel.waitForSelector('[data-testid="open-templates"]');

    // Only the legacy Smooch component exists: it never loads.
    await panel.click('[data-testid="open-templates"]');
    await panel.waitForSelector('[data-testid="templates-unavailable"]');
    expect(await text(panel, '[data-testid="templates-unavailable"]')).toContain(
      'no custom component is set up for this channel',
    );
    await panel.click('[data-testid="open-templates"]');

    const { templateSettingsUrl } = await adminCall('GET', 'channels');
    await adminCall('POST', 'custom-components', {
      name: 'WhatsApp templates',
      url: `${templateSettingsUrl}%s`,
      height: 260,
      channelIds: [DEMO.channelId],
    });

    await panel.click('[data-testid="open-templates"]');
    const element = await panel.waitForSelector('[data-testid="template-frame"]');
    const [conversation] = e2e.platform.platform.ctx.store.where('conversations', 'agentId', DEMO.users.ana.id);
    expect(await element?.evaluate((frame) => new URL((frame as HTMLIFrameElement).src).pathname)).toBe(
      `/components/templates/${conversation?.id}`,
    );
    expect(await element?.evaluate((frame) => (frame as HTMLIFrameElement).getBoundingClientRect().height)).toBe(260);
    const frame = await element?.contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.waitForSelector('body[data-ready="true"]');
    await frame.click('[data-testid="template-option"][data-name="order_update"]');
    await frame.type('[data-testid="template-variable-1"]', 'María');
    await frame.type('[data-testid="template-variable-2"]', 'A-1042');
    expect(await frame.$eval('[data-testid="template-preview"]', (e) => e.textContent)).toBe(
      'Hello María, your order A-1042 has shipped.',
    );
    await screenshot(panel, 'side-panel-template-picker');
    await frame.click('[data-testid="template-send"]');
    await frame.waitForFunction(
      () => document.querySelector('[data-testid="template-status"]')?.textContent === 'Template sent.',
    );

    // The template is in the transcript, and on the customer's phone.
    await panel.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="agent-message"]')].some((m) =>
        m.textContent?.includes('Hello María, your order A-1042 has shipped.'),
      ),
    );
    const customer = await e2e.chrome.browser.newPage();
    await customer.goto(`${e2e.platform.url}/simulator`);
    await customer.waitForSelector('[data-testid="business-message"]');
    expect(await text(customer, '[data-testid="business-message"]')).toContain(
      'Hello María, your order A-1042 has shipped.',
    );
  });
});
