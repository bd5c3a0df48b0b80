import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites } from './support/customer.ts';
import { adminPage, signIn, signInAdmin, useE2e } from './support/fixture.ts';
import { adminApi, loginToken } from './support/platform.ts';

/** A cell of the queue board's row for a skill on the demo channel. */
const cell = (page: Page, skillId: string, testid: string) =>
  text(page, `[data-testid="queue-row"][data-skill="${skillId}"] [data-testid="${testid}"]`);

/** Waits until a queue-board cell shows `expected` (the board updates itself over its event stream). */
async function cellBecomes(page: Page, skillId: string, testid: string, expected: string) {
  await page.waitForFunction(
    (selector, value) => document.querySelector(selector)?.textContent === value,
    { timeout: 10_000 },
    `[data-testid="queue-row"][data-skill="${skillId}"] [data-testid="${testid}"]`,
    expected,
  );
}

describe('supervisors: live queue and agent boards, reassign (admin UI in Chromium)', () => {
  const e2e = useE2e();
  let board: Page;
  let anaPanel: Page;

  const customerSays = (words: string) => customerWrites(e2e.platform.url, words);

  it('the queue board updates live when a customer writes; an opened conversation follows; reassign to a queue works', async () => {
    const { platform } = e2e;
    board = await adminPage(e2e, { width: 1280, height: 1200 });
    await signInAdmin(e2e, board, 'sofia', 'loro-supervisor');
    await board.waitForSelector('[data-testid="queue-board"] [data-testid="live-status"][data-live="true"]');
    // A supervisor's menu has the supervision pages only.
    const menu = await board.$$eval('nav.side a', (links) => links.map((link) => link.textContent));
    expect(menu).toEqual(['Queue board', 'Agent board']);
    expect(await cell(board, DEMO.skillId, 'q-waiting')).toBe('0');
    expect(await cell(board, DEMO.skillId, 'q-unavailable')).toBe('Signed out: 2');

    // The customer writes while nobody is Available: the board shows it waiting, without a reload.
    await customerSays('Hola, ¿hay alguien?');
    await cellBecomes(board, DEMO.skillId, 'q-waiting', '1');
    expect(await cell(board, DEMO.skillId, 'q-longest')).toMatch(/^\d+ s$/);
    await board.waitForSelector('[data-testid="live-conversation"]');
    expect(await text(board, '[data-testid="live-conversation"] [data-testid="c-status"]')).toBe('Waiting');
    await screenshot(board, 'supervisor-queue-board-waiting');

    // Ana signs in on her panel and takes it: waiting → in progress, live.
    const ana = await signIn(e2e);
    anaPanel = ana;
    await acceptOffer(ana);
    await ana.waitForSelector('[data-testid="customer-message"]');
    await cellBecomes(board, DEMO.skillId, 'q-active', '1');
    expect(await cell(board, DEMO.skillId, 'q-waiting')).toBe('0');
    expect(await text(board, '[data-testid="live-conversation"] [data-testid="c-agent"]')).toBe('Ana Agent');

    // Opened read-only, the transcript follows the customer live.
    await board.bringToFront();
    await board.click('[data-testid="open-conversation"]');
    await board.waitForSelector('[data-testid="supervised-message"]');
    await customerSays('Necesito una factura');
    await board.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="supervised-message"]')].length === 2,
      { timeout: 10_000 },
    );
    const transcript = await board.$$eval('[data-testid="supervised-message"] div', (nodes) =>
      nodes.map((node) => node.textContent),
    );
    expect(transcript).toEqual(['Hola, ¿hay alguien?', 'Necesito una factura']);
    expect(await board.$('[data-testid="supervised-conversation"] textarea')).toBeNull();

    // Reassign to Billing: Bruno (Billing, Available over the API) is offered it; Ana owes a wrap-up.
    const bruno = await loginToken(platform.url, 'bruno', 'loro-agent');
    await fetch(`${platform.url}/api/agent/state`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bruno}` },
      body: JSON.stringify({ state: 'available' }),
    });
    await board.click('[data-testid="reassign-to-queue"]');
    await board.select('[data-testid="field-skillId"]', DEMO.billingSkillId);
    await screenshot(board, 'supervisor-conversation-reassign');
    await board.click('[data-testid="reassign-submit"]');
    await board.waitForFunction(
      () => document.querySelector('[data-testid="reassign-done"]')?.textContent === 'Reassigned.',
    );
    await cellBecomes(board, DEMO.billingSkillId, 'q-offered', '1');
    expect(await cell(board, DEMO.skillId, 'q-active')).toBe('0');
    const offers = (await (
      await fetch(`${platform.url}/api/agent/offers`, { headers: { authorization: `Bearer ${bruno}` } })
    ).json()) as { customerName: string; queueName: string }[];
    expect(offers).toMatchObject([{ customerName: 'María García', queueName: 'Billing' }]);
    await board.waitForFunction(
      () =>
        [...document.querySelectorAll('[data-testid="supervised-message"] div')].some((node) =>
          node.textContent?.includes('reassigned the conversation to the queue Billing'),
        ),
      { timeout: 10_000 },
    );
    await screenshot(board, 'supervisor-queue-board-reassigned');

    // Ana's panel: the conversation left her desk, and she owes a wrap-up for her part.
    await ana.waitForSelector('[data-testid="wrap-up-pending"]');
    await ana.waitForSelector('[data-testid="conversation"]', { hidden: true });
    await screenshot(ana, 'side-panel-reassigned-by-supervisor');
  });

  it('the agent board shows states live; making an agent Unavailable is seen by her panel', async () => {
    await board.bringToFront();
    await board.click('[data-testid="nav-live-agents"]');
    await board.waitForSelector('[data-testid="agent-board"] [data-testid="live-status"][data-live="true"]');
    const ana = `[data-testid="agent-row"][data-id="${DEMO.users.ana.id}"]`;
    await board.waitForFunction(
      (selector) => document.querySelector(`${selector} [data-testid="a-state"]`)?.textContent?.includes('wrap-up'),
      { timeout: 10_000 },
      ana,
    );
    expect(await text(board, `${ana} [data-testid="a-state"]`)).toContain('Available');
    expect(await text(board, `${ana} [data-testid="a-handled"]`)).toBe('1');
    await board.click(`${ana} [data-testid="make-unavailable"]`);
    // The supervisor says why (the administrators' reasons, or none); Ana's panel shows it.
    await board.select(`${ana} [data-testid="unavailable-reason"]`, 'reason_lunch');
    await screenshot(board, 'supervisor-unavailable-reason');
    await board.click(`${ana} [data-testid="confirm-unavailable"]`);
    await board.waitForFunction(
      (selector) =>
        document.querySelector(`${selector} [data-testid="a-state"]`)?.textContent?.startsWith('Unavailable'),
      { timeout: 10_000 },
      ana,
    );
    expect(await text(board, `${ana} [data-testid="a-reason"]`)).toContain('Lunch');
    await screenshot(board, 'supervisor-agent-board');
    await anaPanel.waitForSelector(
      '[data-testid="agent-state"][data-state="unavailable"] [data-testid="agent-state-reason"][data-reason="reason_lunch"]',
    );
    const admin = await adminApi(e2e.platform.url);
    const entries = (await admin('GET', 'audit?limit=5')).body as { actorName: string; summary: string }[];
    expect(entries.slice(0, 2).map((entry) => `${entry.actorName}: ${entry.summary}`)).toEqual([
      'Sofia Supervisor: Made Ana Agent Unavailable (Lunch)',
      expect.stringMatching(/^Sofia Supervisor: Reassigned conversation \S+ from Ana Agent to the queue Billing$/),
    ]);
  });
});
