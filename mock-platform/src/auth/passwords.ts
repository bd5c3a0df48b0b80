import { randomBytes, timingSafeEqual } from 'node:crypto';
import { passwordPool } from './password-pool.ts';

// scrypt parameters (N=2^15, r=8, p=1): OWASP's recommended minimum for interactive logins.
const N = 2 ** 15;
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
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N);
  return `scrypt$${N}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
