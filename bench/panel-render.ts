import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import setupExtension from '../e2e/global-setup.ts';
import { launchWithExtension } from '../e2e/support/browser.ts';
import { loadConfig } from '../mock-platform/src/config.ts';
import { type PlatformSchema, put } from '../mock-platform/src/platform/records.ts';
import { DEMO } from '../mock-platform/src/seed/demo-tenant.ts';
import { startServer } from '../mock-platform/src/server.ts';
import type { WriteOp } from '../mock-platform/src/store/store.ts';
import { systemClock } from '../shared/clock.ts';

export interface PanelRenderResult {
  name: string;
  conversations: number;
  messages: number;
  /** From clicking Sign in to every row count of the task list being known (first rows drawn). */
  taskListMs: number;
  /** From clicking Sign in to the open conversation's newest message on screen. */
  transcriptMs: number;
  /** What is actually in the DOM: windowed rows and the transcript's first page. */
  taskRowsInDom: number;
  messagesInDom: number;
}

/** Ana holds `conversations` active conversations; the oldest (opened first) has `messages` messages. */
async function measure(name: string, conversations: number, messages: number): Promise<PanelRenderResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'loro-bench-panel-'));
  const server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir }), systemClock);
  const { store } = server.platform.ctx;
  const now = Date.now();
  const ops: WriteOp<PlatformSchema>[] = [];
  for (let c = 0; c < conversations; c++) {
    ops.push(
      put('conversations', {
        id: `conv_bench_${c}`,
        channelId: DEMO.channelId,
        customerWaId: `3460030${String(c).padStart(4, '0')}`,
        customerName: `Cliente ${c}`,
        skillId: DEMO.skillId,
        status: 'active',
        priority: 0,
        createdAt: now - 1_000_000 + c,
        queuedAt: now - 1_000_000 + c,
        lastInboundAt: now,
        agentId: DEMO.users.ana.id,
      }),
    );
  }
  for (let m = 0; m < messages; m++) {
    ops.push(
      put('messages', {
        id: `wamid.panel-${m}`,
        conversationId: 'conv_bench_0',
        direction: m % 2 ? 'outbound' : 'inbound',
        type: 'text',
        text: m === messages - 1 ? 'the newest message' : `Mensaje número ${m} de una conversación larga`,
        timestamp: now - messages + m,
        seq: m + 1,
        ...(m % 2 ? { status: 'read' as const, agentId: DEMO.users.ana.id } : {}),
      }),
    );
  }
  await store.commit(ops);

  const chrome = await launchWithExtension();
  const page = await chrome.browser.newPage();
  await page.setViewport({ width: 400, height: 800 });
  await page.goto(`chrome-extension://${chrome.extensionId}/sidepanel.html`);
  await page.waitForSelector('[data-testid="login-form"]');
  const url = await page.$('[data-testid="platform-url"]');
  await url?.click({ count: 3 });
  await url?.type(server.url);
  await page.type('[data-testid="username"]', 'ana');
  await page.type('[data-testid="password"]', 'loro-agent');
  const start = performance.now();
  await page.click('[data-testid="sign-in"]');
  await page.waitForSelector(`[data-testid="task-list"][data-count="${conversations}"]`, { timeout: 60_000 });
  const taskListMs = performance.now() - start;
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid="transcript"] .text')].some(
        (node) => node.textContent === 'the newest message',
      ),
    { timeout: 60_000 },
  );
  const transcriptMs = performance.now() - start;
  const taskRowsInDom = await page.$$eval('[data-testid="task"]', (rows) => rows.length);
  const messagesInDom = await page.$$eval('[data-testid="transcript"] .message', (rows) => rows.length);
  await chrome.close();
  await server.close();
  await rm(dataDir, { recursive: true, force: true });
  return { name, conversations, messages, taskListMs, transcriptMs, taskRowsInDom, messagesInDom };
}

export async function benchPanelRender(): Promise<PanelRenderResult[]> {
  setupExtension();
  return [
    await measure('side panel: 5 conversations, 10 messages (baseline)', 5, 10),
    await measure('side panel: 500 conversations, 10,000 messages', 500, 10_000),
  ];
}
