import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PENDING_OUTBOUND_KEY } from './messages.ts';
import { panelMessageListener } from './panel-messages.ts';

const tab = { tab: { windowId: 7 } } as never;

function listener() {
  const opened: number[] = [];
  const listen = panelMessageListener({
    openPanel: async ({ windowId }) => void opened.push(windowId),
    session: fakeBrowser.storage.session,
    now: () => 1_000,
  });
  return { listen, opened };
}

describe('the background answering the overlay', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens the side panel of the tab’s window', async () => {
    const { listen, opened } = listener();
    expect(await listen({ type: 'loro:open-panel' }, tab)).toEqual({ ok: true });
    expect(opened).toEqual([7]);
    expect(await fakeBrowser.storage.session.get()).toEqual({});
  });

  it('opens it and leaves the number for the panel when a number’s WhatsApp button is clicked', async () => {
    const { listen, opened } = listener();
    expect(await listen({ type: 'loro:start-conversation', number: '+34612345678' }, tab)).toEqual({ ok: true });
    expect(opened).toEqual([7]);
    expect(await fakeBrowser.storage.session.get(PENDING_OUTBOUND_KEY)).toEqual({
      [PENDING_OUTBOUND_KEY]: { number: '+34612345678', at: 1_000 },
    });
  });

  it('leaves other messages, malformed ones and messages without a tab to other listeners', () => {
    const { listen, opened } = listener();
    expect(listen({ type: 'loro:toast-accept', offerId: 'o1' }, tab)).toBeUndefined();
    expect(listen({ type: 'loro:start-conversation', number: 'javascript:alert(1)' }, tab)).toBeUndefined();
    expect(listen({ type: 'loro:open-panel' }, {} as never)).toBeUndefined();
    expect(opened).toEqual([]);
  });
});
