import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { pngOfSize } from '../mock-platform/src/testing/images.ts';
import { ManualClock } from '../shared/clock.ts';
import { signedInPanel, text } from './support/agent-panel.ts';
import { launchWithExtension, screenshot } from './support/browser.ts';
import { startTestPlatform } from './support/platform.ts';

describe('an administrator onboards a second WhatsApp number, and a customer reaches an agent through it (CH-1 … CH-5)', () => {
  // WhatsApp's approval of the new number takes a minute: the test moves the clock instead of waiting.
  const clock = new ManualClock(Date.now());
  let platform: Awaited<ReturnType<typeof startTestPlatform>>;
  let chrome: Awaited<ReturnType<typeof launchWithExtension>>;
  let admin: Page;

  beforeAll(async () => {
    platform = await startTestPlatform(clock);
    chrome = await launchWithExtension();
    admin = await chrome.browser.newPage();
    await admin.setViewport({ width: 1280, height: 960 });
  });

  afterAll(async () => {
    await chrome?.close();
    await platform?.close();
  });

  const click = async (page: Page, selector: string) => {
    await (await page.waitForSelector(selector))?.click();
  };
  const fill = async (page: Page, selector: string, value: string) => {
    const input = await page.waitForSelector(selector);
    await input?.click({ count: 3 });
    await input?.press('Backspace');
    await input?.type(value);
  };

  it('connects the number through the signup, creates its channel, and routes a customer’s message to an agent', async () => {
    await admin.goto(`${platform.url}/admin`);
    await fill(admin, '[data-testid="admin-username"]', 'admin');
    await fill(admin, '[data-testid="admin-password"]', 'loro-admin');
    await click(admin, '[data-testid="admin-sign-in"]');
    await click(admin, '[data-testid="nav-whatsapp"]');
    await click(admin, '[data-testid="connect-number"]');

    // Meta's signup, simulated: log in, permissions, business, profile and number, code.
    await admin.waitForSelector('body[data-ready="true"]');
    await click(admin, '[data-testid="signup-continue"]');
    await click(admin, '[data-testid="signup-accept"]');
    await admin.waitForFunction(
      () => (document.querySelector('[data-testid="waba"]') as HTMLSelectElement)?.options.length > 0,
    );
    await click(admin, '[data-testid="business-next"]');
    // Selecting an existing profile skips to the end (CH-4).
    await admin.waitForSelector('[data-testid="existing-profile"]', { visible: true });
    expect(
      await admin.$$eval('[data-testid="existing-profile"] option', (options) => options.map((o) => o.textContent)),
    ).toEqual(expect.arrayContaining(['Loro Demo Store · +16145551234']));
    await click(admin, '[data-testid="use-existing"]');
    await admin.waitForSelector('[data-testid="signup-done"]', { visible: true });
    expect(await text(admin, '[data-testid="signup-done"]')).toContain(
      'is connected to this account: nothing else to do',
    );

    // Again, this time for a new number.
    await admin.goto(`${platform.url}/simulator/signup`);
    await click(admin, '[data-testid="signup-continue"]');
    await click(admin, '[data-testid="signup-accept"]');
    await admin.waitForFunction(
      () => (document.querySelector('[data-testid="waba"]') as HTMLSelectElement)?.options.length > 0,
    );
    await click(admin, '[data-testid="business-next"]');
    await fill(admin, '[data-testid="display-name"]', 'Loro Valencia');
    await admin.select('[data-testid="category"]', 'RETAIL');
    const logo = join(platform.dataDir, 'logo.png');
    await writeFile(logo, pngOfSize(640, 640));
    const upload = await admin.waitForSelector('[data-testid="logo"]');
    await (upload as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(logo);
    await fill(admin, '[data-testid="phone"]', '+34 12');
    await click(admin, '[data-testid="send-code"]');
    await admin.waitForFunction(() => document.querySelector('[data-testid="phone-error"]')?.textContent !== '');
    expect(await text(admin, '[data-testid="phone-error"]')).toContain('enter it in international format');
    await fill(admin, '[data-testid="phone"]', '+34 960 123 456');
    await screenshot(admin, 'signup-number');
    await click(admin, '[data-testid="send-code"]');
    await admin.waitForFunction(() =>
      /\d{3}-\d{3}/.test(document.querySelector('[data-testid="outbox"]')?.textContent ?? ''),
    );
    const outbox = await text(admin, '[data-testid="outbox"]');
    const code = /(\d{3})-(\d{3})/.exec(outbox)?.slice(1).join('') ?? '';
    await screenshot(admin, 'signup-code');
    await fill(admin, '[data-testid="code"]', code);
    await click(admin, '[data-testid="verify"]');
    await admin.waitForSelector('[data-testid="signup-done"]', { visible: true });
    expect(await text(admin, '[data-testid="signup-done"]')).toContain('+34960123456 is registered');

    // WhatsApp approves the number a minute later.
    clock.advance(60_000);
    await platform.platform.sweep();
    const number = platform.platform.simulator?.store
      .all('phoneNumbers')
      ?.find((n) => n.phoneNumber === '+34960123456');
    expect(number).toMatchObject({
      status: 'CONNECTED',
      codeVerificationStatus: 'VERIFIED',
      verifiedName: 'Loro Valencia',
    });
    if (!number) throw new Error('no number');

    // Back in Loro: create the channel from the new number.
    await click(admin, '[data-testid="back-to-loro"]');
    await admin.waitForSelector(`[data-testid="number-${number.id}"]`);
    await admin.select('[data-testid="field-phoneNumberId"]', number.id);
    await fill(admin, '[data-testid="field-name"]', 'WhatsApp Valencia');
    await admin.select('[data-testid="field-defaultScriptId"]', DEMO.scriptId);
    await admin.select('[data-testid="field-defaultSkillId"]', DEMO.skillId);
    await click(admin, '[data-testid="create"]');
    await admin.waitForSelector('[data-testid="banner"]');
    expect(await text(admin, '[data-testid="banner"]')).toBe('WhatsApp Valencia created');
    await screenshot(admin, 'admin-channel-created');
    const channel = platform.platform.ctx.store.all('channels').find((c) => c.name === 'WhatsApp Valencia');
    expect(channel?.status).toBe('approved');

    // The agents' role gets the channel.
    await click(admin, '[data-testid="nav-roles"]');
    await click(admin, 'tr[data-name="Agents"] [data-testid="edit"]');
    await click(admin, `[data-testid="role-channel-${channel?.id}"]`);
    await click(admin, '[data-testid="save"]');
    await admin.waitForSelector('[data-testid="notice"]');

    // A customer writes to the new number; Ana is offered the conversation.
    const ana = await signedInPanel(chrome.browser, chrome.extensionId, platform.url, 'ana');
    const customer = await chrome.browser.newPage();
    await customer.goto(`${platform.url}/simulator`);
    await customer.waitForSelector('body[data-ready="true"]');
    await customer.select('[data-testid="business-number"]', number.id);
    await customer.type('[data-testid="message-input"]', 'Hola Valencia, ¿abren el domingo?');
    await customer.keyboard.press('Enter');
    await ana.bringToFront();
    await ana.waitForSelector('[data-testid="offer"]');
    expect(await text(ana, '[data-testid="offer-origin-number"]')).toBe('+34 960 12 34 56');
    await click(ana, '[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="customer-message"]');
    expect(await text(ana, '[data-testid="customer-message"] .text')).toBe('Hola Valencia, ¿abren el domingo?');
  });
});
