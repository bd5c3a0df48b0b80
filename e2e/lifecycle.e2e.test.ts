import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { ManualClock } from '../shared/clock.ts';
import { text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites } from './support/customer.ts';
import { signIn, useTwoAgents } from './support/fixture.ts';
import { adminApi } from './support/platform.ts';

describe('two agents: reject, RONA, transfer, conference, interruption, and end with a closure reason', () => {
  // The platform runs on a manual clock: the offer timeout is reached by moving it, not by waiting.
  const clock = new ManualClock(Date.now());
  const [a, b] = useTwoAgents({ clock });
  let ana: Page;
  let bruno: Page;

  beforeAll(async () => {
    [ana, bruno] = await Promise.all([signIn(a, 'ana'), signIn(b, 'bruno')]);
    // Starting two browsers can take long on a busy machine: the panels count down offers in
    // their own (wall) time, so the platform's clock starts the tests at the wall time too.
    clock.advance(Math.max(0, Date.now() - clock.now()));
  });

  it('moves a rejected offer to the other agent, puts an unanswering agent in RONA, and ends with a wrap-up', async () => {
    await customerWrites(a.platform.url, 'Hola');

    // Ana (proficiency 8) gets it first and rejects it: it goes to Bruno.
    await ana.waitForSelector('[data-testid="offer"]');
    expect(await text(ana, '[data-testid="offer-countdown"]')).toMatch(/^Respond within 00:[23]\d$/);
    await ana.click('[data-testid="reject-offer"]');
    await ana.waitForSelector('[data-testid="offer"]', { hidden: true });
    await bruno.waitForSelector('[data-testid="offer"]');

    // Bruno lets the agent response time pass: RONA, and only he can leave it.
    clock.advance(30_000);
    await a.platform.platform.sweep();
    await bruno.waitForSelector('[data-testid="agent-state"][data-state="rona"]');
    await bruno.waitForSelector('[data-testid="rona-notice"]');
    expect(await bruno.$('[data-testid="offer"]')).toBeNull();
    await screenshot(bruno, 'side-panel-rona');

    // Back to Available: the waiting conversation (which Ana rejected) comes to him again.
    await bruno.click('[data-testid="go-available"]');
    await bruno.waitForSelector('[data-testid="offer"]');
    await bruno.click('[data-testid="accept-offer"]');
    await bruno.waitForSelector('[data-testid="customer-message"]');

    // End: search the closure reasons, pick one, submit.
    await bruno.click('[data-testid="end-conversation"]');
    await bruno.waitForSelector('[data-testid="end-dialog"][open]');
    await bruno.type('[data-testid="closure-search"]', 'resol');
    const reasons = await bruno.$$eval('[data-testid="closure-reason"]', (inputs) =>
      inputs.map((input) => (input as HTMLInputElement).value),
    );
    expect(reasons).toEqual(['closure_resolved']);
    await bruno.click('[data-testid="closure-reason"]');
    await screenshot(bruno, 'side-panel-end-dialog');
    await bruno.click('[data-testid="submit-wrap-up"]');
    await bruno.waitForSelector('[data-testid="conversation"]', { hidden: true });
    await bruno.waitForSelector('[data-testid="no-tasks"]');

    const [conversation] = a.platform.platform.ctx.store.all('conversations');
    expect(conversation).toMatchObject({
      status: 'ended',
      closureReasonId: 'closure_resolved',
      agentId: DEMO.users.bruno.id,
    });
  });

  it('transfers to an agent who accepts, with a wrap-up for the sender, and survives an abandoned transfer', async () => {
    await customerWrites(a.platform.url, 'Factura duplicada', { from: '+34 600 123 456', name: 'Pablo Ruiz' });
    await ana.waitForSelector('[data-testid="offer"]');
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="customer-message"]');

    // Ana transfers to Bruno from the agents list (searchable, refreshable).
    await ana.click('[data-testid="transfer-conversation"]');
    await ana.waitForSelector('[data-testid="transfer-dialog"][open]');
    await ana.click('[data-testid="transfer-refresh"]');
    await ana.type('[data-testid="transfer-search"]', 'bru');
    await ana.waitForSelector('[data-testid="transfer-target"]:not([disabled])');
    await ana.click('[data-testid="transfer-target"]');
    await screenshot(ana, 'side-panel-transfer-dialog');
    await ana.click('[data-testid="transfer-submit"]');

    // She owes a wrap-up for her part; the conversation left her desk.
    await ana.waitForSelector('[data-testid="end-dialog"][open]');
    expect(await text(ana, '[data-testid="end-dialog"] h2')).toBe('Wrap up: Pablo Ruiz');
    await ana.click('[data-testid="closure-reason"]');
    await ana.click('[data-testid="submit-wrap-up"]');
    await ana.waitForSelector('[data-testid="wrap-up-pending"]', { hidden: true });
    expect(await ana.$('[data-testid="conversation"]')).toBeNull();

    // Bruno must accept; then he sees the transcript and who handed it over.
    await bruno.waitForSelector('[data-testid="offer"]');
    await bruno.click('[data-testid="accept-offer"]');
    await bruno.waitForSelector('[data-testid="system-message"]');
    expect(await text(bruno, '[data-testid="system-message"]')).toBe('Transferred from Ana Agent to Bruno Agent');

    // Bruno transfers it back; Ana rejects: the transfer is abandoned, the conversation is not lost.
    await bruno.click('[data-testid="transfer-conversation"]');
    await bruno.waitForSelector('[data-testid="transfer-target"]:not([disabled])');
    await bruno.click('[data-testid="transfer-target"]');
    await bruno.click('[data-testid="transfer-submit"]');
    await bruno.waitForSelector('[data-testid="end-dialog"][open]');
    await bruno.keyboard.press('Escape');
    await bruno.waitForSelector('[data-testid="wrap-up-pending"]');
    await ana.waitForSelector('[data-testid="reject-offer"]');
    await ana.click('[data-testid="reject-offer"]');
    // Back in the queue. Bruno owes the wrap-up of his transfer (after-contact work), so it waits
    // for him: no offer until he submits it, then it is routed to him.
    await bruno.waitForSelector('[data-testid="agent-state"][data-state="acw"]');
    expect(await bruno.$('[data-testid="offer"]')).toBeNull();
    await bruno.click('[data-testid="wrap-up-open"]');
    await bruno.waitForSelector('[data-testid="end-dialog"][open]');
    await bruno.click('[data-testid="closure-reason"]');
    await bruno.click('[data-testid="submit-wrap-up"]');
    await bruno.waitForSelector('[data-testid="offer"]');
    expect(await text(bruno, '[data-testid="offer-customer-name"]')).toBe('Pablo Ruiz');
  });

  it('runs a conference: requested, joined, the guest leaves; invited again, the owner ends it', async () => {
    // Bruno holds Pablo's conversation (offered back to him after the abandoned transfer).
    await bruno.click('[data-testid="accept-offer"]');
    await bruno.waitForSelector('[data-testid="start-conference"]');
    // The abandoned transfer left its line in the transcript.
    await bruno.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="system-message"]')].some((el) =>
        el.textContent?.startsWith('Ana Agent did not take the transfer from Bruno Agent'),
      ),
    );
    await screenshot(bruno, 'side-panel-abandoned-transfer');
    await bruno.click('[data-testid="start-conference"]');
    await bruno.waitForSelector('[data-testid="transfer-dialog"][open]');
    await bruno.waitForSelector('[data-testid="transfer-target"]:not([disabled])');
    await bruno.click('[data-testid="transfer-target"]');
    await bruno.click('[data-testid="transfer-submit"]');
    await bruno.waitForSelector('[data-testid="conference-state"][data-state="requested"]');
    expect(await text(bruno, '[data-testid="conference-state"]')).toBe('Conference requested: waiting for Ana Agent');

    await ana.waitForSelector('[data-testid="offer"][data-kind="conference"]');
    expect(await text(ana, '[data-testid="offer-title"]')).toBe('Conference invitation from Bruno Agent');
    await ana.click('[data-testid="accept-offer"]');
    await ana.waitForSelector('[data-testid="conference-state"][data-state="active"]');
    expect(await text(ana, '[data-testid="conference-state"]')).toBe('Conference hosted by Bruno Agent');
    await bruno.waitForSelector('[data-testid="conference-state"][data-state="active"]');
    expect(await text(bruno, '[data-testid="conference-state"]')).toBe('Conference with Ana Agent');
    await bruno.waitForSelector('[data-testid="system-message"]');
    const joined = await bruno.$$eval('[data-testid="system-message"]', (nodes) => nodes.map((n) => n.textContent));
    expect(joined).toContain('Ana Agent joined the conversation');
    await screenshot(ana, 'side-panel-conference-guest');

    // The guest leaves: the conversation stays with Bruno; Ana owes a wrap-up.
    await ana.click('[data-testid="leave-conference"]');
    await ana.waitForSelector('[data-testid="conversation"]', { hidden: true });
    await ana.waitForSelector('[data-testid="wrap-up-pending"]');
    await bruno.waitForSelector('[data-testid="conference-state"]', { hidden: true });
    const left = await bruno.$$eval('[data-testid="system-message"]', (nodes) => nodes.map((n) => n.textContent));
    expect(left).toContain('Ana Agent left the conversation');
    // Ana submits the wrap-up she owes for her part: until then she is in after-contact work and
    // cannot be invited.
    if (!(await ana.$('[data-testid="end-dialog"][open]'))) await ana.click('[data-testid="wrap-up-open"]');
    await ana.waitForSelector('[data-testid="end-dialog"][open]');
    await ana.click('[data-testid="closure-reason"]');
    await ana.click('[data-testid="submit-wrap-up"]');
    await ana.waitForSelector('[data-testid="wrap-up-pending"]', { hidden: true });

    // Invited again, then the owner ends the conference.
    await bruno.click('[data-testid="start-conference"]');
    await bruno.waitForSelector('[data-testid="transfer-target"]:not([disabled])');
    await bruno.click('[data-testid="transfer-target"]');
    await bruno.click('[data-testid="transfer-submit"]');
    await ana.waitForSelector('[data-testid="offer"][data-kind="conference"]');
    await ana.click('[data-testid="accept-offer"]');
    await bruno.waitForSelector('[data-testid="end-conference"]');
    await bruno.click('[data-testid="end-conference"]');
    await ana.waitForSelector('[data-testid="conversation"]', { hidden: true });
    await bruno.waitForSelector('[data-testid="conference-state"]', { hidden: true });
    expect(await bruno.$('[data-testid="conversation"]')).not.toBeNull();
  });

  it('interrupts the conversation when an administrator deletes its channel: alert, no reply, only End', async () => {
    const admin = await adminApi(a.platform.url);
    expect((await admin('DELETE', `channels/${DEMO.channelId}`)).status).toBe(200);

    await bruno.waitForSelector('[data-testid="interrupted"]');
    expect(await text(bruno, '[data-testid="interrupted"]')).toMatch(
      /^The WhatsApp channel Demo WhatsApp .* was deleted by an administrator/,
    );
    expect(await bruno.$eval('[data-testid="composer-input"]', (el) => (el as HTMLTextAreaElement).disabled)).toBe(
      true,
    );
    expect(await bruno.$('[data-testid="transfer-conversation"]')).toBeNull();
    await screenshot(bruno, 'side-panel-interrupted');
    await bruno.click('[data-testid="end-conversation"]');
    await bruno.waitForSelector('[data-testid="closure-reason"]');
    await bruno.click('[data-testid="closure-reason"]');
    await bruno.click('[data-testid="submit-wrap-up"]');
    await bruno.waitForSelector('[data-testid="conversation"]', { hidden: true });
  });

  it('shows the agent’s interaction history, searchable', async () => {
    await bruno.click('[data-testid="view-history"]');
    await bruno.waitForSelector('[data-testid="history-entry"]');
    const names = await bruno.$$eval('[data-testid="history-entry"] .task-title', (nodes) =>
      nodes.map((n) => n.textContent),
    );
    // Pablo twice: the end after the interruption and the wrap-up of his abandoned transfer.
    expect(names).toEqual(['Pablo Ruiz', 'Pablo Ruiz', 'María García']);
    await bruno.type('[data-testid="history-search"]', 'maría');
    await bruno.waitForFunction(() => document.querySelectorAll('[data-testid="history-entry"]').length === 1);
    expect(await text(bruno, '[data-testid="history-entry"] .history-outcome')).toBe('Ended · Resolved · Resuelto');
    await screenshot(bruno, 'side-panel-history');
    await bruno.click('[data-testid="view-tasks"]');
    await bruno.waitForSelector('[data-testid="history"]', { hidden: true });
  });
});
