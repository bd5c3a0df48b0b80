import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Compares a secret the caller gave with the expected one in constant time: both are hashed to
 * the same length first, so neither the position of the first difference nor the expected
 * secret's length shows in the time taken.
 */
export function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}
