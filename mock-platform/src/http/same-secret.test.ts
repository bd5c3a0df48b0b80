import { describe, expect, it } from 'vitest';
import { sameSecret } from './same-secret.ts';

describe('sameSecret', () => {
  it('accepts only the exact secret, whatever the lengths', () => {
    expect(sameSecret('loro-demo-verify-token', 'loro-demo-verify-token')).toBe(true);
    expect(sameSecret('loro-demo-verify-tokem', 'loro-demo-verify-token')).toBe(false);
    expect(sameSecret('loro', 'loro-demo-verify-token')).toBe(false);
    expect(sameSecret('', 'loro-demo-verify-token')).toBe(false);
    expect(sameSecret('loro-demo-verify-token-and-more', 'loro-demo-verify-token')).toBe(false);
    expect(sameSecret('Ünïcode ✓', 'Ünïcode ✓')).toBe(true);
  });
});
