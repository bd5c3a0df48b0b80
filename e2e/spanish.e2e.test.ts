import { describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { openSidePanel, screenshot } from './support/browser.ts';
import { useE2e } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

describe('the side panel in Spanish (the browser’s language)', () => {
  const e2e = useE2e({ lang: 'es-ES' });

  it('speaks Spanish from sign-in to the end dialog', async () => {
    const tab = await e2e.chrome.browser.newPage();
    await tab.goto(`${e2e.platform.url}/healthz`);
    const panel = await openSidePanel(e2e.chrome.browser, e2e.chrome.extensionId, tab);
    await panel.waitForSelector('[data-testid="login-form"]');
    expect(await text(panel, '[data-testid="sign-in"]')).toBe('Iniciar sesión');
    await screenshot(panel, 'es-side-panel-sign-in');
    const url = await panel.$('[data-testid="platform-url"]');
    await url?.click({ count: 3 });
    await url?.type(e2e.platform.url);
    await panel.type('[data-testid="username"]', 'ana');
    await panel.type('[data-testid="password"]', 'loro-agent');
    await panel.click('[data-testid="sign-in"]');
    await panel.waitForSelector('[data-testid="go-available"]');
    expect(await text(panel, '[data-testid="go-available"]')).toBe('Pasar a Disponible');
    await panel.click('[data-testid="go-available"]');
    await panel.waitForSelector('[data-testid="agent-state"][data-state="available"]');
    expect(await text(panel, '[data-testid="agent-state"]')).toMatch(/^Disponible · \d\d:\d\d$/);

    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        text: 'Hola, ¿me ayudas con mi pedido?',
      }),
    });
    await panel.waitForSelector('[data-testid="offer"]');
    expect(await text(panel, '[data-testid="offer-title"]')).toBe('Conversación de WhatsApp entrante');
    expect(await text(panel, '[data-testid="accept-offer"]')).toBe('Aceptar');
    await screenshot(panel, 'es-side-panel-offer');

    await panel.click('[data-testid="accept-offer"]');
    await panel.waitForSelector('[data-testid="customer-message"]');
    await panel.type('[data-testid="composer-input"]', 'Claro, María. ¿Cuál es el número de pedido?');
    await panel.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid="agent-message"]');
    await panel.focus('[data-testid="composer-input"]');
    await panel.waitForSelector('[data-testid="sla-on-focus"]');
    expect(await text(panel, '[data-testid="sla-on-focus"] [data-testid="sla-first-response"]')).toBe(
      'Primera respuesta: cumplido',
    );
    await screenshot(panel, 'es-side-panel-conversation');

    // The transfer dialog.
    await panel.click('[data-testid="transfer-conversation"]');
    await panel.waitForSelector('[data-testid="transfer-dialog"][open]');
    await screenshot(panel, 'es-side-panel-transfer-dialog');
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('[data-testid="transfer-dialog"][open]', { hidden: true });

    // The template picker, once an administrator has set up the custom component.
    const admin = await adminApi(e2e.platform.url);
    const { templateSettingsUrl } = (await admin('GET', 'channels')).body;
    await admin('POST', 'custom-components', {
      name: 'Plantillas',
      url: `${templateSettingsUrl}%s`,
      height: 240,
      channelIds: [],
    });
    await panel.click('[data-testid="open-templates"]');
    const frame = await (await panel.waitForSelector('[data-testid="template-frame"]'))?.contentFrame();
    await frame?.waitForSelector('body[data-ready="true"]');
    expect(await frame?.$eval('main', (main) => main.textContent)).toContain('Elija una plantilla aprobada');
    await screenshot(panel, 'es-side-panel-template-picker');
    await panel.click('[data-testid="open-templates"]');

    await panel.click('[data-testid="end-conversation"]');
    await panel.waitForSelector('[data-testid="end-dialog"][open]');
    expect(await text(panel, '[data-testid="end-dialog"] h2')).toBe('Finalizar la conversación con María García');
    await screenshot(panel, 'es-side-panel-end-dialog');
  });
});
