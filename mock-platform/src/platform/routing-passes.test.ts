import { describe, expect, it, vi } from 'vitest';
import { RoutingPasses } from './routing-passes.ts';

/** A routing pass the test finishes by hand. */
function controllablePasses() {
  const finishers: (() => void)[] = [];
  const pass = vi.fn(() => new Promise<void>((resolve) => finishers.push(resolve)));
  const finish = async () => {
    finishers.shift()?.();
    // Let the finished pass hand over to the queued one.
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { passes: new RoutingPasses(pass), pass, finish };
}

describe('RoutingPasses', () => {
  it('starts a pass at once when none runs', () => {
    const { passes, pass } = controllablePasses();
    void passes.request();
    expect(pass).toHaveBeenCalledTimes(1);
  });

  it('coalesces: at most one pass in flight and one queued, however many requests arrive', async () => {
    const { passes, pass, finish } = controllablePasses();
    const first = passes.request();
    const queued = [passes.request(), passes.request(), passes.request()];
    expect(pass).toHaveBeenCalledTimes(1);
    await finish();
    await first;
    // The three requests made during the first pass share the second one.
    expect(pass).toHaveBeenCalledTimes(2);
    let served = 0;
    for (const request of queued) void request.then(() => served++);
    await Promise.resolve();
    expect(served).toBe(0);
    await finish();
    await Promise.all(queued);
    expect(served).toBe(3);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it('resolves a request only with a pass that started after it', async () => {
    const { passes, finish } = controllablePasses();
    void passes.request();
    let served = false;
    const later = passes.request().then(() => {
      served = true;
    });
    await finish();
    // The running pass may have read the state before the change: it does not count.
    expect(served).toBe(false);
    await finish();
    await later;
    expect(served).toBe(true);
  });

  it('is idle once the running and the queued pass have run', async () => {
    const { passes, finish } = controllablePasses();
    void passes.request();
    void passes.request();
    let idle = false;
    const waiting = passes.idle().then(() => {
      idle = true;
    });
    await finish();
    expect(idle).toBe(false);
    await finish();
    await waiting;
    expect(idle).toBe(true);
  });

  it('logs a failed pass and runs the next request', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const pass = vi.fn().mockRejectedValueOnce(new Error('store stopped')).mockResolvedValue(undefined);
    const passes = new RoutingPasses(pass);
    await passes.request();
    expect(error).toHaveBeenCalledWith('[routing] a routing pass failed:', expect.any(Error));
    await passes.request();
    expect(pass).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
