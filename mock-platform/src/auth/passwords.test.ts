import { describe, expect, it } from 'vitest';
import { hashPassword, TEST_PASSWORD_COST, verifyPassword } from './passwords.ts';

describe('passwords', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$32768\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('correct horse', stored)).toBe(true);
    expect(await verifyPassword('correct horsE', stored)).toBe(false);
  });

  it('hashes at the cost it is given (tests’ seeds) and verifies at the cost the hash names', async () => {
    const stored = await hashPassword('cheap', TEST_PASSWORD_COST);
    expect(stored).toMatch(/^scrypt\$16\$/);
    expect(await verifyPassword('cheap', stored)).toBe(true);
    expect(await verifyPassword('cheaP', stored)).toBe(false);
  });

  it('salts: the same password hashes differently each time', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('refuses a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
  });
});
