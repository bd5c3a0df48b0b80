import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.ts';
import { CUSTOMER_WINDOW_MS, isWindowOpen, windowClosesAt } from './customer-window.ts';

describe('customer service window', () => {
  it('is closed when the customer never wrote', () => {
    expect(isWindowOpen(undefined, Date.now())).toBe(false);
    expect(windowClosesAt(undefined)).toBeUndefined();
  });

  it('stays open for exactly 24 hours after the last inbound message', () => {
    const clock = new ManualClock();
    const lastInbound = clock.now();
    clock.advance(CUSTOMER_WINDOW_MS - 1);
    expect(isWindowOpen(lastInbound, clock.now())).toBe(true);
    clock.advance(1);
    expect(isWindowOpen(lastInbound, clock.now())).toBe(false);
  });
});
