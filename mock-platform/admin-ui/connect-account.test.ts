import { describe, expect, it } from 'vitest';
import { wabaToConnect } from './connect-account.ts';

describe('wabaToConnect: the account the signup sends the administrator back with', () => {
  it.each([
    ['?connectWaba=100000000001234', '100000000001234'],
    ['?connectWaba=%20100%20', '100'],
    ['?connectWaba=abc', undefined],
    ['?other=1', undefined],
    ['', undefined],
  ])('%s → %s', (search, wabaId) => {
    expect(wabaToConnect(search)).toBe(wabaId);
  });
});
