import { describe, expect, it, vi } from 'vitest';
import type { ConversationView, WrapUpView } from '../../shared/api/schemas.ts';
import { ManualClock } from '../../shared/clock.ts';
import { conversation, message, offer } from '../testing/desk-fixtures.ts';
import { describeError, errorLine } from './agent-error.ts';
import { PlatformError } from './api-client.ts';
import type { DeskApi } from './desk-api.ts';
import { createDeskStore, type DeskClock, type DeskStream } from './desk-store.ts';
import type { AgentEvent } from './event-stream.ts';
import type { DesktopNotification } from './notify.ts';

const wrapUp: WrapUpView = { id: 'w1', conversationId: 'c1', customerName: 'María', reason: 'transfer', createdAt: 5 };

/** A clock whose timers run only when it is moved past them. */
class ManualTimers extends ManualClock implements DeskClock {
  #timers = new Map<number, { at: number; run: () => void }>();
  #next = 0;
  setTimeout(run: () => void, ms: number): unknown {
    this.#next += 1;
    this.#timers.set(this.#next, { at: this.now() + ms, run });
    return this.#next;
  }
  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }
  override advance(ms: number): void {
    super.advance(ms);
    for (const [id, timer] of this.#timers) {
      if (timer.at > this.now()) continue;
      this.#timers.delete(id);
      timer.run();
    }
  }
}

/** Lets the promises the store started settle (no time passes). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

function setup(api: Partial<DeskApi> = {}, { focused = true, open }: { focused?: boolean; open?: string } = {}) {
  let handlers: Parameters<DeskStream>[0] | undefined;
  const notes: DesktopNotification[] = [];
  const tabs: string[] = [];
  const saved: string[] = [];
  const clear = vi.fn(async () => undefined);
  const clock = new ManualTimers(0);
  const unfaked = (name: string) => () => Promise.reject(new Error(`api.${name} not faked`));
  const fullApi = new Proxy(api, {
    get: (target, name: string) => target[name as keyof DeskApi] ?? unfaked(name),
  }) as DeskApi;
  const store = createDeskStore({
    api: fullApi,
    stream: (given) => {
      handlers = given;
    },
    notify: { focused: () => focused, show: (note) => notes.push(note) },
    clock,
    session: {
      expiresAt: 3 * 60 * 60_000,
      clear,
      loadOpenConversation: async () => open,
      saveOpenConversation: async (id) => void saved.push(id),
    },
    openTab: (url) => tabs.push(url),
  });
  store.connect(new AbortController().signal);
  const emit = (event: AgentEvent) => handlers?.onEvent(event);
  const status = (value: { connected: boolean; httpStatus?: number }) => handlers?.onStatus(value);
  return { store, emit, status, notes, tabs, saved, clear, clock };
}

describe('createDeskStore', () => {
  it('folds stream events into the state and tells subscribers', () => {
    const { store, emit, status } = setup();
    const changes = vi.fn();
    store.subscribe(changes);
    status({ connected: true });
    emit({ event: 'offer', data: offer });
    expect(store.getSnapshot().state.connected).toBe(true);
    expect(store.getSnapshot().state.offers).toEqual([offer]);
    expect(changes).toHaveBeenCalledTimes(2);
  });

  it('signs out when the stream answers 401', () => {
    const { status, clear } = setup();
    status({ connected: false, httpStatus: 401 });
    expect(clear).toHaveBeenCalledOnce();
  });

  it('notifies offers and customer messages only while the panel is not focused, with the name it knew', async () => {
    const focused = setup({ messages: async () => [] });
    focused.emit({ event: 'offer', data: offer });
    expect(focused.notes).toEqual([]);

    const away = setup({ messages: async () => [] }, { focused: false });
    away.emit({ event: 'offer', data: offer });
    away.emit({ event: 'conversation.updated', data: conversation });
    away.emit({ event: 'message', data: message('m1', { direction: 'inbound' }) });
    away.emit({ event: 'message', data: message('m2', { direction: 'outbound' }) });
    expect(away.notes.map((note) => [note.id, note.title])).toEqual([
      ['offer:o1', 'Incoming WhatsApp conversation'],
      ['message:m1', 'María'],
    ]);
    await settled();
  });

  it('accepts an offer: busy while it runs, selects the conversation, loads its transcript, pops the screen', async () => {
    let answer: (value: ConversationView) => void = () => undefined;
    const { store, emit, tabs } = setup({
      accept: () => new Promise((resolve) => (answer = resolve)),
      messages: async () => [message('m1', { direction: 'inbound' })],
    });
    emit({ event: 'offer', data: offer });
    const accepting = store.actions.accept('o1');
    expect(store.getSnapshot().busyOffer).toBe('o1');
    answer({ ...conversation, screenPopUrl: 'https://crm.example/c/1' });
    await accepting;
    await settled();
    const { state, selected, busyOffer } = store.getSnapshot();
    expect(busyOffer).toBeUndefined();
    expect(state.offers).toEqual([]);
    expect(selected?.id).toBe('c1');
    expect(state.messages.c1?.map((m) => m.id)).toEqual(['m1']);
    expect(tabs).toEqual(['https://crm.example/c/1']);
  });

  it('reloads the open transcript when the platform could not replay missed events', async () => {
    const messages = vi.fn(async () => []);
    const { emit } = setup({ messages });
    emit({ event: 'conversation.updated', data: conversation });
    await settled();
    emit({ event: 'conversation.updated', data: { ...conversation, customerName: 'María José' } });
    await settled();
    expect(messages).toHaveBeenCalledTimes(1);
    emit({ event: 'resync', data: {} });
    await settled();
    expect(messages).toHaveBeenCalledTimes(2);
  });

  it('counts a reply WhatsApp refused as sent: the transcript shows it failed, no error line', async () => {
    const { store } = setup({
      reply: async () => {
        throw new PlatformError(502, 'whatsapp_refused', 'refused');
      },
      messages: async () => [{ ...message('m9'), status: 'failed' }],
    });
    expect(await store.actions.send('c1', 'hola')).toBe(true);
    expect(store.getSnapshot().error).toBeUndefined();
    expect(store.getSnapshot().state.messages.c1?.[0]?.status).toBe('failed');
  });

  it('puts an attachment WhatsApp refused on its bubble (Retry there); an upload refused stays in the picker', async () => {
    const uploadRefused = new PlatformError(502, 'upload_refused', 'WhatsApp refused the file (131053): bad media');
    let answer: PlatformError = new PlatformError(502, 'whatsapp_refused', 'refused');
    const { store } = setup({
      uploadAttachment: async () => {
        throw answer;
      },
      messages: async () => [{ ...message('m9'), status: 'failed', retryable: true }],
    });
    const file = new File(['png'], 'plano.png', { type: 'image/png' });
    expect(await store.actions.sendAttachment('c1', file, '', () => {})).toBeUndefined();
    expect(store.getSnapshot().state.messages.c1?.[0]).toMatchObject({ status: 'failed', retryable: true });
    answer = uploadRefused;
    expect(await store.actions.sendAttachment('c1', file, '', () => {})).toBe(
      errorLine(describeError('attachment', uploadRefused)),
    );
  });

  it('shows any other refusal as the error line, and signs out when the session is gone', async () => {
    const windowClosed = new PlatformError(409, 'window_closed', 'The 24-hour window is closed');
    const signedOut = new PlatformError(401, 'unauthenticated', 'Sign in again');
    const { store, clear } = setup({
      reply: async () => {
        throw windowClosed;
      },
      retry: async () => {
        throw signedOut;
      },
    });
    expect(await store.actions.send('c1', 'hola')).toBe(false);
    expect(store.getSnapshot().error).toEqual(describeError('send', windowClosed));
    expect(await store.actions.retry('c1', 'm1')).toBe(false);
    expect(store.getSnapshot().error).toEqual(describeError('send', signedOut));
    expect(clear).toHaveBeenCalledOnce();
    store.actions.closeDialog();
    expect(store.getSnapshot().error).toBeUndefined();
  });

  it('answers the refusal in words for the forms that show it themselves', async () => {
    const refused = new PlatformError(409, 'conversation_exists', 'There is an open conversation');
    const { store } = setup({
      startConversation: async () => {
        throw refused;
      },
    });
    expect(
      await store.actions.startConversation({
        channelId: 'ch',
        to: '+1',
        template: { name: 'hi', language: 'en', parameters: [] },
      }),
    ).toBe(errorLine(describeError('template', refused)));
    expect(store.getSnapshot().error).toBeUndefined();
  });

  it('after a transfer the conversation leaves and the wrap-up dialog opens with the closure reasons', async () => {
    const reasons = [{ id: 'r1', label: 'Solved' }];
    const { store, emit } = setup({
      messages: async () => [],
      transfer: async () => wrapUp,
      closureReasons: async () => reasons as never,
      completeWrapUp: async () => undefined,
    });
    emit({ event: 'conversation.updated', data: conversation });
    store.actions.openTransfer(conversation);
    expect(store.getSnapshot().dialog?.kind).toBe('transfer');
    await store.actions.transfer(conversation, { type: 'skill', skillId: 's1' } as never);
    const { state, dialog } = store.getSnapshot();
    expect(state.conversations).toEqual([]);
    expect(state.wrapUps).toEqual([wrapUp]);
    expect(dialog).toEqual({ kind: 'wrapup', wrapUp, reasons });
    await store.actions.completeWrapUp('w1', { closureReasonId: 'r1' });
    expect(store.getSnapshot().state.wrapUps).toEqual([]);
    expect(store.getSnapshot().dialog).toBeUndefined();
  });

  it('opens the conversation that was open before a reload, and remembers the next one only after that', async () => {
    const { store, emit, saved } = setup({ messages: async () => [] }, { open: 'c2' });
    emit({ event: 'conversation.updated', data: conversation });
    expect(saved).toEqual([]);
    await store.restore();
    emit({ event: 'conversation.updated', data: { ...conversation, id: 'c2' } });
    expect(store.getSnapshot().selected?.id).toBe('c2');
    store.actions.select('c1');
    await settled();
    expect(saved).toEqual(['c2', 'c1']);
  });

  it('counts a message to the open conversation as unread while the panel is hidden', () => {
    const { store, emit } = setup({ messages: async () => [] });
    emit({ event: 'conversation.updated', data: conversation });
    store.setVisible(false);
    emit({ event: 'message', data: message('m1', { direction: 'inbound' }) });
    expect(store.getSnapshot().state.unread).toEqual({ c1: 1 });
    store.setVisible(true);
    expect(store.getSnapshot().state.unread).toEqual({});
  });

  it('tells the platform the agent is typing at most once per 20 s per conversation, by the clock', () => {
    const typing = vi.fn(async () => undefined);
    const { store, clock } = setup({ typing });
    expect(store.actions.typing('c1')).toBe(true);
    clock.advance(19_999);
    expect(store.actions.typing('c1')).toBe(false);
    clock.advance(1);
    expect(store.actions.typing('c1')).toBe(true);
    expect(typing).toHaveBeenCalledTimes(2);
  });

  it('refreshes the session an hour before it expires, and not once the desk is gone', async () => {
    const refreshSession = vi.fn(async () => ({}) as never);
    const { store, clock } = setup({ refreshSession });
    const stop = new AbortController();
    store.keepSessionFresh(stop.signal);
    clock.advance(2 * 60 * 60_000 - 1);
    expect(refreshSession).not.toHaveBeenCalled();
    clock.advance(1);
    expect(refreshSession).toHaveBeenCalledOnce();

    const again = setup({ refreshSession });
    const gone = new AbortController();
    again.store.keepSessionFresh(gone.signal);
    gone.abort();
    again.clock.advance(3 * 60 * 60_000);
    expect(refreshSession).toHaveBeenCalledOnce();
  });
});
