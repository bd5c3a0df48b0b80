// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OfferView } from '../../shared/api/schemas.ts';
import { ManualClock } from '../../shared/clock.ts';
import type { DeskApi } from '../utils/desk-api.ts';
import { createDeskStore, type DeskStream } from '../utils/desk-store.ts';
import type { Session } from '../utils/storage.ts';
import { DeskProvider } from './desk-context.tsx';
import { useDesk } from './use-desk.ts';

const offer = { id: 'o1', conversationId: 'c1', customerName: 'María' } as OfferView;
const session = { token: 't', expiresAt: 0, platformUrl: 'http://p.test', user: { id: 'u1' } } as Session;

function Offers() {
  const { state } = useDesk();
  return <p data-testid="offers">{state.offers.map((o) => o.id).join(',') || 'none'}</p>;
}

afterEach(cleanup);

describe('DeskProvider and useDesk', () => {
  it('opens the stream while mounted, restores the open conversation and re-renders on every change', async () => {
    let handlers: Parameters<DeskStream>[0] | undefined;
    let signal: AbortSignal | undefined;
    const loadOpenConversation = vi.fn(async () => undefined);
    const clock = Object.assign(new ManualClock(0), { setTimeout: () => 0, clearTimeout: () => undefined });
    const store = createDeskStore({
      api: {} as DeskApi,
      stream: (given, until) => {
        handlers = given;
        signal = until;
      },
      notify: { focused: () => true, show: () => undefined },
      clock,
      session: {
        expiresAt: 0,
        clear: async () => undefined,
        loadOpenConversation,
        saveOpenConversation: async () => undefined,
      },
      openTab: () => undefined,
    });
    const view = render(
      <DeskProvider session={session} store={store}>
        <Offers />
      </DeskProvider>,
    );
    expect(screen.getByTestId('offers').textContent).toBe('none');
    expect(loadOpenConversation).toHaveBeenCalledOnce();
    act(() => handlers?.onEvent({ event: 'offer', data: offer }));
    expect(screen.getByTestId('offers').textContent).toBe('o1');
    act(() => {
      view.unmount();
    });
    expect(signal?.aborted).toBe(true);
  });

  it('says what is missing when used outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => render(<Offers />)).toThrow('useDesk needs a DeskProvider');
  });
});
