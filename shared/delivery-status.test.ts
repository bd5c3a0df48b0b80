import { describe, expect, it } from 'vitest';
import type { DeliveryStatus } from './api/schemas.ts';
import { advancesStatus } from './delivery-status.ts';

describe('advancesStatus', () => {
  it.each<[DeliveryStatus | undefined, DeliveryStatus, boolean]>([
    [undefined, 'sent', true],
    ['pending', 'sent', true],
    ['sent', 'delivered', true],
    ['sent', 'read', true],
    ['delivered', 'read', true],
    ['read', 'delivered', false],
    ['delivered', 'sent', false],
    ['sent', 'failed', true],
    ['delivered', 'failed', false],
    ['failed', 'delivered', false],
  ])('%s → %s: %s', (current, next, expected) => {
    expect(advancesStatus(current, next)).toBe(expected);
  });
});
