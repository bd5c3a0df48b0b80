import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD_COST } from '../mock-platform/src/auth/passwords.ts';
import { loadConfig } from '../mock-platform/src/config.ts';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { type RunningServer, startServer } from '../mock-platform/src/server.ts';
import { systemClock } from '../shared/clock.ts';
import { signedInPanel, text } from './support/agent-panel.ts';
import { launchWithExtension } from './support/browser.ts';

describe('the side panel across a platform restart', () => {
  let dataDir: string;
  let server: RunningServer;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;

  const start = (port: string) =>
    startServer(loadConfig({ PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir }), systemClock, {
      passwordCost: TEST_PASSWORD_COST,
    });
  const customerSays = (url: string, text: string) =>
    fetch(`${url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phoneNumberId: DEMO.phoneNumberId, from: '+34 612 345 678', name: 'María García', text }),
    });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'loro-e2e-restart-'));
    server = await start('0');
    chrome = await launchWithExtension();
  });

  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('reconnects on its own, keeps the session, and shows what arrived after the restart', async () => {
    const panel = await signedInPanel(chrome.browser, chrome.extensionId, server.url, 'ana', 'loro-agent');
    await customerSays(server.url, 'before the restart');
    await panel.waitForSelector('[data-testid="accept-offer"]');
    await panel.click('[data-testid="accept-offer"]');
    await panel.waitForSelector('[data-testid="customer-message"]');

    // The platform goes away: the panel says it is reconnecting.
    const port = new URL(server.url).port;
    await server.close();
    await panel.waitForSelector('[data-testid="connection"]');

    // It comes back on the same address and data; the customer writes meanwhile.
    server = await start(port);
    await panel.waitForSelector('[data-testid="connection"]', { hidden: true, timeout: 20_000 });
    await customerSays(server.url, 'after the restart');
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
