import { randomBytes, timingSafeEqual } from 'node:crypto';
import { passwordPool } from './password-pool.ts';

/** scrypt's cost N (with r=8, p=1): 2^15 is OWASP's recommended minimum for interactive logins. */
export const PASSWORD_COST = 2 ** 15;
/**
 * A cost for test platforms only: their seeded demo passwords are hashed at every start and
 * checked at every sign-in, which at the real cost burned ~29 s of CPU across the suite. A stored
 * hash names its own N, so these verify at this cost; production never passes it.
 */
export const TEST_PASSWORD_COST = 2 ** 4;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

/** On the password pool's own threads, never node's default pool (which the store's writes use). */
function derive(password: string, salt: Buffer, n: number): Promise<Buffer> {
  return passwordPool.derive({
    password: password.normalize('NFC'),
    salt,
    n,
    keyLength: KEY_LENGTH,
    maxmem: MAX_MEMORY,
  });
}

/** `scrypt$N$salt$hash`, base64url parts: salted, and self-describing so N can grow later. */
export async function hashPassword(password: string, cost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return `scrypt$${cost}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
