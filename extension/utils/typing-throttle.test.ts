import { describe, expect, it, vi } from 'vitest';
import { TYPING_INTERVAL_MS, typingThrottle } from './typing-throttle.ts';

function setup() {
  let now = 1_000_000;
  const send = vi.fn(async (_conversationId: string) => ({ sent: true }));
  const throttle = typingThrottle(send, () => now);
  return { send, throttle, advance: (ms: number) => (now += ms) };
}

describe('typingThrottle', () => {
  it('tells the platform once per 20 s while the agent keeps typing', () => {
    const { send, throttle, advance } = setup();
    expect(throttle.typed('c1')).toBe(true);
    advance(1_000);
    expect(throttle.typed('c1')).toBe(false);
    advance(TYPING_INTERVAL_MS - 1_001);
    expect(throttle.typed('c1')).toBe(false);
    advance(1);
    expect(throttle.typed('c1')).toBe(true);
    expect(send.mock.calls).toEqual([['c1'], ['c1']]);
  });

  it('keeps one clock per conversation: typing in one never speaks for another', () => {
    const { send, throttle } = setup();
    throttle.typed('c1');
    throttle.typed('c2');
    throttle.typed('c1');
    expect(send.mock.calls).toEqual([['c1'], ['c2']]);
  });

  it('starts over after a reply', () => {
    const { send, throttle, advance } = setup();
    throttle.typed('c1');
    advance(2_000);
    throttle.replied('c1');
    expect(throttle.typed('c1')).toBe(true);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('drops a failed call without an error', async () => {
    const throttle = typingThrottle(
      () => Promise.reject(new Error('409')),
      () => 0,
    );
    expect(throttle.typed('c1')).toBe(true);
    await Promise.resolve();
  });
});
