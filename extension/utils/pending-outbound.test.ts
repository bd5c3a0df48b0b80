import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PENDING_OUTBOUND_KEY } from './messages.ts';
import { watchPendingOutbound } from './pending-outbound.ts';

vi.mock('./browser.ts', () => ({ default: fakeBrowser }));

/** Lets the storage reads and change events the watcher started settle (no time passes). */
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('watchPendingOutbound', () => {
  beforeEach(() => fakeBrowser.reset());

  it('takes a number left before the panel opened, and each later one, once, clearing it', async () => {
    await fakeBrowser.storage.session.set({ [PENDING_OUTBOUND_KEY]: { number: '+34612345678', at: 1 } });
    const numbers: string[] = [];
    const stop = watchPendingOutbound((number) => numbers.push(number));
    await settled();
    expect(numbers).toEqual(['+34612345678']);
    expect(await fakeBrowser.storage.session.get()).toEqual({});

    await fakeBrowser.storage.session.set({ [PENDING_OUTBOUND_KEY]: { number: '+16145551234', at: 2 } });
    await settled();
    expect(numbers).toEqual(['+34612345678', '+16145551234']);

    stop();
    await fakeBrowser.storage.session.set({ [PENDING_OUTBOUND_KEY]: { number: '+447700900123', at: 3 } });
    await settled();
    expect(numbers).toHaveLength(2);
  });

  it('ignores what is not a number left by the background, and an older one', async () => {
    const numbers: string[] = [];
    watchPendingOutbound((number) => numbers.push(number));
    await fakeBrowser.storage.session.set({ [PENDING_OUTBOUND_KEY]: { number: 42 } });
    await fakeBrowser.storage.session.set({ [PENDING_OUTBOUND_KEY]: { number: '+34612345678', at: 5 } });
    await fakeBrowser.storage.session.set({ [PENDING_OUTBOUND_KEY]: { number: '+16145551234', at: 4 } });
    await settled();
    expect(numbers).toEqual(['+34612345678']);
  });
});
