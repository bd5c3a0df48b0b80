import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { adminPage, formDriver, signIn, useE2e } from './support/fixture.ts';

/**
 * The administrator's reference document, task by task in its order, in the admin web UI; then an
 * agent's panel and the server reflect what was set up.
 */
describe('an administrator sets up a WhatsApp channel in the admin UI, and agents feel it', () => {
  const e2e = useE2e();
  let admin: Page;

  beforeAll(async () => {
    admin = await adminPage(e2e, { width: 1280, height: 960 });
    // Deletions ask for confirmation: the administrator confirms.
    admin.on('dialog', (dialog) => dialog.accept());
  });

  /** Clicks once the element is there: lists load after the page shows. */
  const click = (selector: string) => formDriver(admin).click(selector);
  const go = async (route: string, ready: string) => {
    await click(`[data-testid="nav-${route}"]`);
    await admin.waitForSelector(ready);
  };
  const fill = (selector: string, value: string) => formDriver(admin).fill(selector, value);
  const rowByName = (name: string) => `tr[data-name="${name}"]`;

  it('does the reference document’s tasks in order, and the agent’s capabilities change accordingly', async () => {
    await admin.goto(`${e2e.platform.url}/admin`);
    await fill('[data-testid="admin-username"]', 'admin');
    await fill('[data-testid="admin-password"]', 'loro-admin');
    await click('[data-testid="admin-sign-in"]');
    await admin.waitForSelector('[data-testid="sla-dashboard"]');

    // 1. Digital touchpoints → WhatsApp: create a channel from the account's second verified number.
    await go('whatsapp', '[data-testid="create-channel"]');
    await admin.waitForSelector(`[data-testid="number-${DEMO.spareNumber.phoneNumberId}"]`);
    // Validation first: nothing chosen names each field.
    await click('[data-testid="create"]');
    await admin.waitForSelector('[data-testid="error-phoneNumberId"]');
    expect(await text(admin, '[data-testid="error-defaultSkillId"]')).toBe('choose a default skill');
    await admin.select('[data-testid="field-phoneNumberId"]', DEMO.spareNumber.phoneNumberId);
    await fill('[data-testid="field-name"]', 'Sales WhatsApp');
    await admin.select('[data-testid="field-defaultScriptId"]', DEMO.scriptId);
    await admin.select('[data-testid="field-defaultSkillId"]', DEMO.skillId);
    await click('[data-testid="create"]');
    await admin.waitForSelector('[data-testid="banner"]');
    expect(await text(admin, '[data-testid="banner"]')).toBe('Sales WhatsApp created');
    const channel = e2e.platform.platform.ctx.store.all('channels').find((c) => c.name === 'Sales WhatsApp');
    expect(channel).toMatchObject({ phoneNumber: DEMO.spareNumber.phoneNumber, status: 'approved' });
    if (!channel) throw new Error('no channel');
    const templateUrl = await text(admin, '[data-testid="template-settings-url"]');
    await screenshot(admin, 'admin-whatsapp-channels');

    // 2. Settings → Custom components: remove the legacy Smooch one, add the templates component.
    await go('components', '[data-testid="components-page"]');
    await admin.waitForSelector(`[data-testid="row-${DEMO.legacyComponentId}"] [data-testid="legacy"]`);
    await screenshot(admin, 'admin-custom-components-legacy');
    await click(`[data-testid="row-${DEMO.legacyComponentId}"] [data-testid="delete"]`);
    await admin.waitForSelector(`[data-testid="row-${DEMO.legacyComponentId}"]`, { hidden: true });
    await click('[data-testid="add"]');
    await fill('[data-testid="field-url"]', templateUrl);
    await click('[data-testid="save"]');
    expect(await (await admin.waitForSelector('[data-testid="error-url"]'))?.evaluate((e) => e.textContent)).toBe(
      'must end with %s: it is replaced by the conversation id',
    );
    await fill('[data-testid="field-url"]', `${templateUrl}%s`);
    await click(`[data-testid="channelIds-${channel.id}"]`);
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="notice"]');
    const components = e2e.platform.platform.ctx.store.all('customComponents');
    expect(components).toEqual([
      expect.objectContaining({ url: `${templateUrl}%s`, height: 200, channelIds: [channel.id] }),
    ]);
    await screenshot(admin, 'admin-custom-components');

    // 3. Roles: add the channel to the agents' role, without Reply.
    await go('roles', '[data-testid="roles-page"]');
    await click(`${rowByName('Agents')} [data-testid="edit"]`);
    await click(`[data-testid="role-channel-${channel.id}"]`);
    await click(`[data-testid="permission-${channel.id}-reply"]`);
    await screenshot(admin, 'admin-role-permissions');
    await click('[data-testid="save"]');
    await admin.waitForSelector('[data-testid="notice"]');
    expect(e2e.platform.platform.ctx.store.get('roles', DEMO.roleId)?.channels[channel.id]).toEqual([
      'templates',
      'transfer',
      'conference',
      'end',
    ]);

    // 4. A digital skill, with the reference's fields.
    await go('skills', '[data-testid="skills-page"]');
    await click('[data-testid="add"]');
    await fill('[data-testid="field-name"]', 'Sales');
    await fill('[data-testid="field-campaign"]', 'Winter 2026');
    await admin.select('[data-testid="field-evaluation"]', 'preferred');
    await admin.select('[data-testid="field-evaluation.focus"]', 'customer');
    await click('[data-testid="field-acceptReject"]');
    await fill('[data-testid="field-agentResponseSeconds"]', '2');
    // After-contact work: a wrap-up time below 10 s is refused next to its field.
    await fill('[data-testid="field-wrapUpSeconds"]', '5');
    await admin.select('[data-testid="field-defaultClosureReasonId"]', 'closure_info');
    await click('[data-testid="save"]');
    expect(
      await (await admin.waitForSelector('[data-testid="error-agentResponseSeconds"]'))?.evaluate((e) => e.textContent),
    ).toMatch(/5/);
    expect(await text(admin, '[data-testid="error-wrapUpSeconds"]')).toBe('must be 10–3600 seconds');
    await fill('[data-testid="field-agentResponseSeconds"]', '45');
    await fill('[data-testid="field-wrapUpSeconds"]', '60');
    await screenshot(admin, 'admin-skill');
    await click('[data-testid="save"]');
    await admin.waitForSelector(rowByName('Sales'));
    expect(e2e.platform.platform.ctx.store.all('skills').find((s) => s.name === 'Sales')).toMatchObject({
      campaign: 'Winter 2026',
      acceptReject: true,
      agentResponseSeconds: 45,
      wrapUpSeconds: 60,
      defaultClosureReasonId: 'closure_info',
      evaluation: { mode: 'preferred', focus: 'customer', lock: 'available' },
    });

    // 5 and 6. The channel's defaults and its own SLA (1 hour to first response).
    await go('whatsapp', `[data-testid="channel-${channel.id}"]`);
    await click(`[data-testid="channel-${channel.id}"] [data-testid="edit"]`);
    await admin.waitForSelector('[data-testid="channel-editor"]');
    await click('[data-testid="sla-own"]');
    await fill('[data-testid="field-sla.firstResponseMs-days"]', '0');
    await fill('[data-testid="field-sla.firstResponseMs-hours"]', '1');
    await fill('[data-testid="field-sla.firstResponseMs-minutes"]', '0');
    await screenshot(admin, 'admin-channel-sla');
    await click('[data-testid="channel-editor"] [data-testid="save"]');
    await admin.waitForSelector('[data-testid="banner"]');
    expect(e2e.platform.platform.ctx.store.get('channels', channel.id)?.sla?.firstResponseMs).toBe(60 * 60_000);

    // The agent: a customer writes to the new number. Without Reply Ana could not answer it, so it
    // is not offered to her (issue 13): it waits in the queue.
    const ana = await signIn(e2e);
    await fetch(`${e2e.platform.url}/simulator/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        phoneNumberId: DEMO.spareNumber.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María García',
        text: 'Hola, ¿tienen el modelo en azul?',
      }),
    });
    await e2e.platform.platform.webhooks?.idle();
    expect(e2e.platform.platform.ctx.store.where('conversations', 'status', 'queued')).toHaveLength(1);
    expect(await ana.$('[data-testid="offer"]')).toBeNull();
    await screenshot(ana, 'side-panel-no-offer-without-reply');

    // Given Reply, the waiting conversation is offered at once and she can answer.
    const toggleReply = async () => {
      await admin.bringToFront();
      await go('roles', '[data-testid="roles-page"]');
      await click(`${rowByName('Agents')} [data-testid="edit"]`);
      await click(`[data-testid="permission-${channel.id}-reply"]`);
      await click('[data-testid="save"]');
      await admin.waitForSelector('[data-testid="notice"]');
      await ana.bringToFront();
    };
    await toggleReply();
    await ana.waitForSelector('[data-testid="offer"]');
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="composer-input"]');

    // Reply taken away while she holds it: the panel shows no composer and the server refuses a reply.
    await toggleReply();
    await ana.waitForSelector('[data-testid="no-reply-permission"]');
    expect(await ana.$('[data-testid="composer-input"]')).toBeNull();
    await screenshot(ana, 'side-panel-without-reply');
    const login = await (
      await fetch(`${e2e.platform.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'ana', password: 'loro-agent' }),
      })
    ).json();
    const [conversation] = e2e.platform.platform.ctx.store.where('conversations', 'agentId', DEMO.users.ana.id);
    const refused = await fetch(`${e2e.platform.url}/api/conversations/${conversation?.id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` },
      body: JSON.stringify({ text: 'Sí' }),
    });
    expect(refused.status).toBe(403);

    // Every change is in the audit log, newest first.
    await admin.bringToFront();
    await go('audit', '[data-testid="audit-entry"]');
    const entries = await admin.$$eval('[data-testid="audit-entry"]', (rows) => rows.map((row) => row.textContent));
    expect(entries.length).toBeGreaterThanOrEqual(7);
    expect(entries.at(-1)).toContain('Created channel Sales WhatsApp (+16145550199)');
    // The newest entry (Reply taken away again) says what changed, field by field.
    expect(await text(admin, '[data-testid="audit-entry"] [data-testid="audit-changes"]')).toContain('channels');
    await screenshot(admin, 'admin-audit-log');

    // The masking switch (AG-6) applies from the Privacy page.
    await go('privacy', '[data-testid="mask-sensitive"]');
    await click('[data-testid="mask-sensitive"]');
    await admin.waitForFunction(() =>
      document.querySelector('[data-testid="masking-state"]')?.textContent?.startsWith('Masking is on'),
    );
    expect(e2e.platform.platform.ctx.store.get('settings', 'tenant')?.maskSensitiveData).toBe(true);

    // The browsable API reference (BY-5), generated from /openapi.json.
    await go('api', '[data-testid="operation"]');
    expect((await admin.$$('[data-testid="operation"]')).length).toBeGreaterThan(60);
    await screenshot(admin, 'admin-api-reference');

    // The same UI in Spanish.
    await click('[data-testid="language"]');
    await go('roles', '[data-testid="roles-page"]');
    expect(await text(admin, 'nav.side')).toContain('Puntos de contacto digital');
    await screenshot(admin, 'admin-roles-es');
    await click('[data-testid="language"]');
  });
});
