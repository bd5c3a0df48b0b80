import { describe, expect, it } from 'vitest';
import {
  customerResponseDeadline,
  DEFAULT_AGENT_RESPONSE_SECONDS,
  DEFAULT_REJECT_COOLDOWN_SECONDS,
  offerExpiresAt,
  rejectionExcluded,
} from './timers.ts';

describe('routing timers', () => {
  it.each([
    [1_000, undefined, 1_000 + DEFAULT_AGENT_RESPONSE_SECONDS * 1000],
    [1_000, 10, 11_000],
  ])('an offer at %i with %s s expires at %i', (offeredAt, seconds, expires) => {
    expect(offerExpiresAt(offeredAt, seconds)).toBe(expires);
  });

  it.each([
    [undefined, 5, undefined],
    [1_000, 0, undefined],
    [1_000, undefined, undefined],
    [1_000, 5, 301_000],
  ])('waiting since %s with %s min → %s', (since, minutes, deadline) => {
    expect(customerResponseDeadline(since, minutes)).toBe(deadline);
  });

  it.each([
    [{ ana: 0 }, 59_999, undefined, ['ana']],
    [{ ana: 0 }, 60_000, undefined, []],
    [{ ana: 0, bruno: 50_000 }, 60_000, undefined, ['bruno']],
    [{ ana: 0 }, 9_999, 10, ['ana']],
    [{ ana: 0 }, 10_000, 10, []],
    [{ ana: 0 }, 0, 0, []],
    [undefined, 0, undefined, []],
  ])('rejections %j at %i with a %s s cooldown exclude %j', (rejections, now, seconds, excluded) => {
    expect(rejectionExcluded(rejections, now, seconds)).toEqual(excluded);
  });

  it('defaults the cooldown to a minute', () => {
    expect(DEFAULT_REJECT_COOLDOWN_SECONDS).toBe(60);
  });
});
