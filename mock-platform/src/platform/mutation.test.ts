import { describe, expect, it, vi } from 'vitest';
import type { AgentEvents } from '../../../shared/api/schemas.ts';
import { EventHub } from '../events/event-hub.ts';
import type { Store, WriteOp } from '../store/store.ts';
import type { PlatformContext } from './context.ts';
import { mutate } from './mutation.ts';
import type { PlatformSchema } from './records.ts';
import { put } from './records.ts';
import { Serial } from './serial.ts';

/** A store whose commits apply at once and become durable when the test says so. */
function slowStore() {
  const rows = new Map<string, unknown>();
  const writes: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const store = {
    get: (collection: string, id: string) => rows.get(`${collection}/${id}`),
    all: () => [],
    where: () => [],
    count: () => rows.size,
    commit(ops: WriteOp<PlatformSchema>[]) {
      for (const op of ops) if (op.type === 'put') rows.set(`${op.collection}/${op.row.id}`, op.row);
      return new Promise<void>((resolve, reject) => writes.push({ resolve, reject }));
    },
    sync: () => Promise.resolve(),
    close: () => Promise.resolve(),
  } as unknown as Store<PlatformSchema>;
  return { store, writes };
}

function context() {
  const { store, writes } = slowStore();
  const events = new EventHub<AgentEvents>();
  const heard: string[] = [];
  events.subscribe('agent:ana', (event) => heard.push(event));
  const routing = { request: vi.fn(() => Promise.resolve()), idle: () => Promise.resolve() };
  const ctx = { store, events, routing, serial: new Serial() } as unknown as PlatformContext;
  return { ctx, writes, heard, routing };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const status = (id: string) => put('agentStatus', { id, state: 'available', since: 0 });

describe('mutate', () => {
  it('releases the lock before the write is durable: the next change does not wait for the disk', async () => {
    const { ctx, writes } = context();
    const first = mutate(ctx, (held) => held.store.commit([status('ana')]));
    const second = mutate(ctx, (held) => held.store.get('agentStatus', 'ana'));
    await tick();
    // The second one already ran and saw the first one's change, applied in memory.
    expect(writes).toHaveLength(1);
    let secondDone = false;
    void second.then(() => {
      secondDone = true;
    });
    await tick();
    expect(secondDone).toBe(true);
    writes[0]?.resolve();
    await first;
    await expect(second).resolves.toMatchObject({ id: 'ana' });
  });

  it('publishes its events only once its writes are durable, and resolves only then', async () => {
    const { ctx, writes, heard } = context();
    let done = false;
    const change = mutate(ctx, async (held) => {
      await held.store.commit([status('ana')]);
      held.events.publish('agent:ana', 'offer.revoked', { offerId: 'offer_1' });
    }).then(() => {
      done = true;
    });
    await tick();
    expect(heard).toEqual([]);
    expect(done).toBe(false);
    writes[0]?.resolve();
    await change;
    expect(heard).toEqual(['offer.revoked']);
  });

  it('asks for routing once the change is announced, never while it holds the lock', async () => {
    const { ctx, writes, routing } = context();
    const change = mutate(ctx, (held) => {
      void held.store.commit([status('ana')]);
      void held.routing.request();
    });
    await tick();
    expect(routing.request).not.toHaveBeenCalled();
    writes[0]?.resolve();
    await change;
    expect(routing.request).toHaveBeenCalledTimes(1);
  });

  it('announces nothing and rejects when the store could not write', async () => {
    const { ctx, writes, heard, routing } = context();
    const change = mutate(ctx, (held) => {
      void held.store.commit([status('ana')]);
      held.events.publish('agent:ana', 'offer.revoked', { offerId: 'offer_1' });
      void held.routing.request();
    });
    await tick();
    writes[0]?.reject(new Error('disk full'));
    await expect(change).rejects.toThrow('disk full');
    expect(heard).toEqual([]);
    expect(routing.request).not.toHaveBeenCalled();
  });

  it('announces what was committed before a refusal, then rethrows it', async () => {
    const { ctx, writes, heard } = context();
    const change = mutate(ctx, (held) => {
      void held.store.commit([status('ana')]);
      held.events.publish('agent:ana', 'offer.revoked', { offerId: 'offer_1' });
      throw new Error('refused');
    });
    await tick();
    writes[0]?.resolve();
    await expect(change).rejects.toThrow('refused');
    expect(heard).toEqual(['offer.revoked']);
  });
});
