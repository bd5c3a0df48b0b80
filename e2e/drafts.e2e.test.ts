import type { HTTPRequest, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { acceptOffer, text } from './support/agent-panel.ts';
import { screenshot } from './support/browser.ts';
import { customerWrites } from './support/customer.ts';
import { signIn, useE2e } from './support/fixture.ts';

describe('drafts belong to their conversation', () => {
  const e2e = useE2e();
  let ana: Page;

  /** What the platform sent to each customer, by conversation (the customer's name). */
  const repliesTo = (name: string) => {
    const { store } = e2e.platform.platform.ctx;
    const ids = new Set(
      store
        .all('conversations')
        .filter((conversation) => conversation.customerName === name)
        .map((conversation) => conversation.id),
    );
    return store
      .all('messages')
      .filter((message) => message.direction === 'outbound' && ids.has(message.conversationId))
      .map((message) => message.text);
  };
  const box = () => ana.$eval('[data-testid="composer-input"]', (el) => (el as HTMLTextAreaElement).value);
  const openTask = async (name: string) => {
    const tasks = await ana.$$('[data-testid="task"]');
    for (const task of tasks) {
      if ((await task.$eval('.task-title', (el) => el.textContent)) === name) await task.click();
    }
    await ana.waitForFunction(
      (expected) => document.querySelector('[data-testid="conversation-title"]')?.textContent === expected,
      {},
      name,
    );
  };

  beforeAll(async () => {
    ana = await signIn(e2e);
    for (const [from, name] of [
      ['+34 611 111 111', 'Gonzalo Pérez'],
      ['+34 622 222 222', 'Helena Ruiz'],
    ] as const) {
      await customerWrites(e2e.platform.url, `Hola, soy ${name}`, { from, name });
      await acceptOffer(ana);
    }
    await ana.waitForFunction(() => document.querySelectorAll('[data-testid="task"]').length === 2);
  });

  it('keeps each conversation’s draft and sends only to the conversation it was typed in', async () => {
    await openTask('Gonzalo Pérez');
    await ana.type('[data-testid="composer-input"]', 'Hola Gonzalo, ahora lo miro');

    // Switching shows Helena's own (empty) box: Enter there sends nothing at all.
    await openTask('Helena Ruiz');
    expect(await box()).toBe('');
    await ana.focus('[data-testid="composer-input"]');
    await ana.keyboard.press('Enter');
    await ana.type('[data-testid="composer-input"]', 'Hola Helena');
    await screenshot(ana, 'drafts-helena');

    await openTask('Gonzalo Pérez');
    expect(await box()).toBe('Hola Gonzalo, ahora lo miro');
    await ana.focus('[data-testid="composer-input"]');
    await ana.keyboard.press('Enter');
    await ana.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="agent-message"]')].some((el) =>
        el.textContent?.includes('Hola Gonzalo, ahora lo miro'),
      ),
    );
    expect(await box()).toBe('');
    expect(repliesTo('Gonzalo Pérez')).toEqual(['Hola Gonzalo, ahora lo miro']);
    expect(repliesTo('Helena Ruiz')).toEqual([]);
    await openTask('Helena Ruiz');
    expect(await box()).toBe('Hola Helena');
  });

  it('keeps the drafts, and the open conversation, across a reload of the panel', async () => {
    await openTask('Gonzalo Pérez');
    await ana.type('[data-testid="composer-input"]', 'Un momento, por favor');
    await ana.reload();
    await ana.waitForSelector('[data-testid="composer-input"]');
    await ana.waitForFunction(() => document.querySelectorAll('[data-testid="task"]').length === 2);
    expect(await text(ana, '[data-testid="conversation-title"]')).toBe('Gonzalo Pérez');
    await ana.waitForFunction(
      () =>
        (document.querySelector('[data-testid="composer-input"]') as HTMLTextAreaElement | null)?.value ===
        'Un momento, por favor',
    );
    await screenshot(ana, 'drafts-after-reload');
    // Helena's transcript is not loaded after the reload: her row still previews her last message.
    const previews = await ana.$$eval('[data-testid="task-preview"]', (nodes) => nodes.map((n) => n.textContent));
    expect(previews).toEqual(['You: Hola Gonzalo, ahora lo miro', 'Hola, soy Helena Ruiz']);
    await openTask('Helena Ruiz');
    expect(await box()).toBe('Hola Helena');
    expect(repliesTo('Helena Ruiz')).toEqual([]);
  });

  it('keeps what the agent types while a reply is on its way: only the sent text leaves the box', async () => {
    await openTask('Helena Ruiz');
    await ana.click('[data-testid="composer-input"]', { count: 3 });
    await ana.keyboard.press('Backspace');
    await ana.type('[data-testid="composer-input"]', 'Uno');

    // Hold the reply at the network until the agent has typed on.
    await ana.setRequestInterception(true);
    // The browser reports the request asynchronously (late on a busy machine): wait for it.
    let holdReply!: (request: HTTPRequest) => void;
    const heldReply = new Promise<HTTPRequest>((resolve) => {
      holdReply = resolve;
    });
    const hold = (request: HTTPRequest) => {
      if (request.method() === 'POST' && request.url().endsWith('/messages')) holdReply(request);
      else void request.continue();
    };
    ana.on('request', hold);
    await ana.keyboard.press('Enter');
    await ana.waitForFunction(
      () => document.querySelector('[data-testid="composer-send"]')?.textContent === 'Sending…',
    );
    await ana.type('[data-testid="composer-input"]', 'Dos tres cuatro');
    const held = await heldReply;
    ana.off('request', hold);
    await held.continue();
    await ana.setRequestInterception(false);

    await ana.waitForFunction(() => document.querySelector('[data-testid="composer-send"]')?.textContent === 'Send');
    expect(await box()).toBe('Dos tres cuatro');
    expect(repliesTo('Helena Ruiz')).toEqual(['Uno']);
    await screenshot(ana, 'drafts-typed-during-send');
  });
});
