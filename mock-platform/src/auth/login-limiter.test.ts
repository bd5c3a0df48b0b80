import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock.ts';
import { formatRetry, LoginLimiter } from './login-limiter.ts';

describe('LoginLimiter', () => {
  it.each([
    [4, 0],
    [5, 1000],
    [6, 2000],
    [10, 32_000],
    [14, 512_000],
    [15, 900_000],
    [40, 900_000],
  ])('after %i failures in a row the next attempt waits %i ms', (failures, wait) => {
    const limiter = new LoginLimiter(new ManualClock(0));
    expect(limiter.delayAfter(failures)).toBe(wait);
  });

  it('counts the wait from the latest failure, and forgives an attempt that was not tried', () => {
    const clock = new ManualClock(0);
    const limiter = new LoginLimiter(clock);
    for (let i = 0; i < 5; i++) limiter.failed('ana');
    clock.advance(400);
    expect(limiter.retryAfter('ana')).toBe(600);
    limiter.forgive('ana');
    expect(limiter.retryAfter('ana')).toBe(0);
    expect(limiter.retryAfter('bruno')).toBe(0);
  });

  it.each([
    [1000, '1 s'],
    [1500, '2 s'],
    [59_000, '59 s'],
    [64_000, '2 min'],
    [900_000, '15 min'],
  ])('words a wait of %i ms as %s', (ms, words) => {
    expect(formatRetry(ms)).toBe(words);
  });
});
