import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';
import { PasswordPool, PasswordPoolBusy } from './password-pool.ts';

type T = Awaited<ReturnType<typeof testPlatform>>;

async function signIn(t: T, address: string, username: string, password: string): Promise<Response> {
  return t.app.request(
    'http://platform.test/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    },
    { incoming: { socket: { remoteAddress: address } } },
  );
}

async function outcome(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code: string } };
  return response.status === 200 ? '200' : `${response.status} ${body.error?.code}`;
}

describe('a flood of wrong passwords', () => {
  it('counts each attempt before hashing: of 40 concurrent guesses from one address only 5 are tried', async () => {
    const t = await testPlatform();
    const results = await Promise.all(
      Array.from({ length: 40 }, () => signIn(t, '203.0.113.9', 'admin', 'guess').then(outcome)),
    );
    expect(results.filter((r) => r === '401 invalid_credentials')).toHaveLength(5);
    expect(results.filter((r) => r === '429 too_many_attempts')).toHaveLength(35);
  });

  it('cannot lock the administrator out from elsewhere: the lock is per username and address', async () => {
    const t = await testPlatform();
    for (let i = 0; i < 5; i++)
      expect(await outcome(await signIn(t, '203.0.113.9', 'admin', 'guess'))).toBe('401 invalid_credentials');
    expect(await outcome(await signIn(t, '203.0.113.9', 'admin', 'loro-admin'))).toBe('429 too_many_attempts');
    expect(await outcome(await signIn(t, '198.51.100.20', 'admin', 'loro-admin'))).toBe('200');
    // Slowed down, not locked out: a second later the right password works from there too.
    t.clock.advance(1000);
    expect(await outcome(await signIn(t, '203.0.113.9', 'admin', 'loro-admin'))).toBe('200');
  });

  // Up to 18 hashes at the pool's lowest CPU priority: slow on a loaded machine, so a longer bound.
  it('caps the hashes in flight: guesses beyond the queue get 429 at once and do not count', {
    timeout: 180_000,
  }, async () => {
    const t = await testPlatform();
    // Many addresses, so the per-address limits do not stop them first.
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(t, `203.0.113.${i + 1}`, `user${i}`, 'guess')),
    );
    const busy = results.filter((r) => r.status === 429);
    expect(busy.length).toBeGreaterThan(0);
    for (const response of busy) {
      expect(await outcome(response)).toBe('429 sign_in_busy');
      expect(response.headers.get('retry-after')).toBe('1');
    }
    expect(results.filter((r) => r.status === 401).length).toBeGreaterThan(0);
    // Refused ones were not counted: that address may still sign in five times.
    const refusedIndex = results.indexOf(busy[0] as Response);
    const address = `203.0.113.${refusedIndex + 1}`;
    for (let i = 0; i < 4; i++) await signIn(t, address, 'ana', 'guess');
    expect(await outcome(await signIn(t, address, 'ana', 'loro-agent'))).toBe('200');
  });
});

describe('the password pool', () => {
  it('runs at most `size` hashes, queues `maxWaiting`, and refuses the rest at once', async () => {
    const pool = new PasswordPool(1, 2);
    try {
      const job = { password: 'secret', salt: new Uint8Array(16), n: 2 ** 14, keyLength: 32, maxmem: 64 * 1024 * 1024 };
      const settled = await Promise.allSettled(Array.from({ length: 5 }, () => pool.derive(job)));
      const fulfilled = settled.filter((s) => s.status === 'fulfilled');
      const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
      expect(fulfilled).toHaveLength(3);
      expect(rejected).toHaveLength(2);
      for (const r of rejected) expect(r.reason).toBeInstanceOf(PasswordPoolBusy);
      // Same password and salt, same key; and the pool is free again.
      const keys = new Set(fulfilled.map((s) => (s as PromiseFulfilledResult<Buffer>).value.toString('hex')));
      expect(keys.size).toBe(1);
      expect(pool.load).toEqual({ running: 0, waiting: 0 });
    } finally {
      await pool.close();
    }
  });
});
