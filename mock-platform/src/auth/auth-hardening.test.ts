import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';

describe('sign-in hardening', () => {
  it('slows a username down after five failures from one address (1 s, doubling, up to 15 min), never locking it out', async () => {
    const t = await testPlatform();
    const attempt = (password: string) => t.call('POST', '/api/auth/login', { body: { username: 'ana', password } });
    for (let i = 0; i < 5; i++) expect((await attempt('guess')).status).toBe(401);
    const blocked = await attempt('loro-agent');
    expect([blocked.status, blocked.body.error.code]).toEqual([429, 'too_many_attempts']);
    expect(blocked.body.error.message).toBe('Too many failed sign-ins for ana: try again in 1 s');
    expect(blocked.headers.get('retry-after')).toBe('1');
    // Another username is not affected.
    expect(
      (await t.call('POST', '/api/auth/login', { body: { username: 'bruno', password: 'loro-agent' } })).status,
    ).toBe(200);
    // Each further failure doubles the wait: 1 s, 2 s, 4 s, … and never more than 15 min.
    const waits: number[] = [];
    for (let failure = 6; failure <= 16; failure++) {
      t.clock.advance(waits.at(-1) ?? 1000);
      expect((await attempt('guess')).status).toBe(401);
      const refused = await attempt('guess');
      expect(refused.status).toBe(429);
      waits.push(Number(refused.headers.get('retry-after')) * 1000);
    }
    expect(waits).toEqual([2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900].map((s) => s * 1000));
    // Once the wait has passed, the right password gets in, and the streak is forgotten.
    t.clock.advance(15 * 60_000);
    expect((await attempt('loro-agent')).status).toBe(200);
    expect((await attempt('guess')).status).toBe(401); // not 429: the streak is gone
  });

  it('forgets a streak of failures after an hour without one', async () => {
    const t = await testPlatform();
    const attempt = (password: string) => t.call('POST', '/api/auth/login', { body: { username: 'ana', password } });
    for (let i = 0; i < 5; i++) await attempt('guess');
    t.clock.advance(60 * 60_000);
    for (let i = 0; i < 5; i++) expect((await attempt('guess')).status).toBe(401);
  });

  it('slows down an address that fails 20 sign-ins across usernames (password spraying), not the others', async () => {
    const t = await testPlatform();
    const from = (address: string, username: string, password: string) =>
      t.app.request(
        'http://platform.test/api/auth/login',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      );
    for (let i = 0; i < 20; i++) expect((await from('203.0.113.7', `user${i}`, 'guess')).status).toBe(401);
    const blocked = await from('203.0.113.7', 'ana', 'loro-agent');
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).error.message).toBe('Too many failed sign-ins from your address: try again in 1 s');
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await from('198.51.100.2', 'ana', 'loro-agent')).status).toBe(200);
    t.clock.advance(1000);
    expect((await from('203.0.113.7', 'ana', 'loro-agent')).status).toBe(200);
  });

  it('a successful sign-in clears the failures', async () => {
    const t = await testPlatform();
    const attempt = (password: string) => t.call('POST', '/api/auth/login', { body: { username: 'ana', password } });
    for (let i = 0; i < 4; i++) await attempt('guess');
    expect((await attempt('loro-agent')).status).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('guess');
    expect((await attempt('loro-agent')).status).toBe(200);
  });

  it('signs out everywhere', async () => {
    const t = await testPlatform();
    const laptop = await t.login('ana', 'loro-agent');
    const tablet = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    expect((await t.call('POST', '/api/auth/logout-all', { token: laptop })).body).toEqual({ revoked: 2 });
    expect((await t.call('GET', '/api/me', { token: tablet })).status).toBe(401);
    expect((await t.call('GET', '/api/me', { token: bruno })).status).toBe(200);
  });

  it('refuses bodies over the limit with 413 before reading them', async () => {
    const t = await testPlatform();
    const huge = await t.call('POST', '/api/auth/login', {
      body: { username: 'ana', password: 'x'.repeat(300 * 1024) },
    });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('refreshes a session: a new token with a new expiry, the old one revoked', async () => {
    const t = await testPlatform();
    const first = (await t.call('POST', '/api/auth/login', { body: { username: 'ana', password: 'loro-agent' } })).body;
    t.clock.advance(11 * 60 * 60_000);
    const refreshed = await t.call('POST', '/api/auth/refresh', { token: first.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.expiresAt).toBe(first.expiresAt + 11 * 60 * 60_000);
    expect((await t.call('GET', '/api/me', { token: first.token })).status).toBe(401);
    t.clock.advance(2 * 60 * 60_000); // past the first token's expiry
    expect((await t.call('GET', '/api/me', { token: refreshed.body.token })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/refresh', { token: first.token })).status).toBe(401);
  });
});
