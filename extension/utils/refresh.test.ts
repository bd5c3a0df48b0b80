import { describe, expect, it } from 'vitest';
import { REFRESH_BEFORE_MS, refreshDelay } from './refresh-timing.ts';

describe('refreshDelay', () => {
  it.each([
    ['well before expiry: wait until an hour is left', 12 * 3_600_000, 11 * 3_600_000],
    ['inside the last hour: now', REFRESH_BEFORE_MS - 1, 0],
    ['already expired: now (the platform will say so)', -5_000, 0],
  ])('%s', (_label, left, delay) => {
    expect(refreshDelay(1_000_000 + left, 1_000_000)).toBe(delay);
  });
});
