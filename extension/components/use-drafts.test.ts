// @vitest-environment happy-dom
import { act, renderHook, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Drafts } from '../utils/drafts.ts';
import { useDrafts } from './use-drafts.ts';

// storage.session, in memory: what a reloaded panel would read back.
const session = new Map<string, Drafts>();
vi.mock('../utils/draft-storage.ts', () => ({
  loadDrafts: async (userId: string) => session.get(userId) ?? {},
  saveDrafts: async (userId: string, drafts: Drafts) => {
    session.set(userId, drafts);
  },
}));

beforeEach(() => session.clear());

/** A send the test finishes by hand: resolve(true) = sent, resolve(false) = refused. */
function pendingSend() {
  let finish: (sent: boolean) => void = () => undefined;
  const deliver = vi.fn(
    (_conversationId: string, _text: string) => new Promise<boolean>((resolve) => (finish = resolve)),
  );
  return { deliver, finish: (sent: boolean) => finish(sent) };
}

async function mounted(ids = ['gonzalo', 'helena']) {
  const hook = renderHook(({ conversationIds }) => useDrafts('ana', conversationIds), {
    initialProps: { conversationIds: ids },
  });
  await waitFor(() => expect(session.has('ana')).toBe(true));
  return hook;
}

describe('useDrafts', () => {
  it('keeps one draft per conversation and sends only to the one it was typed in', async () => {
    const { result } = await mounted();
    act(() => result.current.edit('gonzalo', 'Hola Gonzalo'));
    expect(result.current.text('helena')).toBe('');
    const { deliver, finish } = pendingSend();
    let sent: Promise<boolean> | undefined;
    act(() => {
      sent = result.current.send('gonzalo', result.current.text('gonzalo'), deliver);
    });
    expect(deliver).toHaveBeenCalledWith('gonzalo', 'Hola Gonzalo');
    finish(true);
    expect(await sent).toBe(true);
    expect(result.current.text('gonzalo')).toBe('');
  });

  it('keeps what is typed while a reply is in flight: only the sent text leaves the box', async () => {
    const { result } = await mounted();
    act(() => result.current.edit('gonzalo', 'Uno'));
    const { deliver, finish } = pendingSend();
    let sent: Promise<boolean> | undefined;
    act(() => {
      sent = result.current.send('gonzalo', 'Uno', deliver);
    });
    expect(result.current.text('gonzalo')).toBe('');
    expect(result.current.isSending('gonzalo')).toBe(true);
    act(() => result.current.edit('gonzalo', 'Dos tres cuatro'));
    // A second Enter while the first is in flight sends nothing.
    act(() => void result.current.send('gonzalo', 'Dos tres cuatro', deliver));
    expect(deliver).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish(true);
      await sent;
    });
    expect(result.current.text('gonzalo')).toBe('Dos tres cuatro');
    expect(result.current.isSending('gonzalo')).toBe(false);
  });

  it('gives a refused reply back to its own conversation, even when another one is open', async () => {
    const { result } = await mounted();
    const { deliver, finish } = pendingSend();
    let sent: Promise<boolean> | undefined;
    act(() => {
      sent = result.current.send('gonzalo', 'Uno', deliver);
    });
    act(() => result.current.edit('helena', 'Hola Helena'));
    await act(async () => {
      finish(false);
      await sent;
    });
    expect(result.current.text('gonzalo')).toBe('Uno');
    expect(result.current.text('helena')).toBe('Hola Helena');
  });

  it('reads the drafts back after a reload and forgets those of conversations that left', async () => {
    const first = await mounted();
    act(() => first.result.current.edit('gonzalo', 'a medias'));
    act(() => first.result.current.edit('helena', 'otra'));
    await waitFor(() => expect(session.get('ana')).toEqual({ gonzalo: 'a medias', helena: 'otra' }));
    first.unmount();

    const reloaded = await mounted();
    await waitFor(() => expect(reloaded.result.current.text('gonzalo')).toBe('a medias'));
    reloaded.rerender({ conversationIds: ['gonzalo'] });
    await waitFor(() => expect(session.get('ana')).toEqual({ gonzalo: 'a medias' }));
  });
});
