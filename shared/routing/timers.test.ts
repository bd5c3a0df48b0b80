import { describe, expect, it } from 'vitest';
import { customerResponseDeadline, DEFAULT_AGENT_RESPONSE_SECONDS, offerExpiresAt } from './timers.ts';

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
});
