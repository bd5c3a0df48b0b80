import { describe, expect, it } from 'vitest';
import { isExchanged } from './exchanged.ts';

describe('isExchanged', () => {
  it.each([
    ['inbound', true],
    ['outbound', true],
    ['system', false],
    ['note', false],
  ])('%s → %s', (direction, expected) => {
    expect(isExchanged({ direction })).toBe(expected);
  });
});
