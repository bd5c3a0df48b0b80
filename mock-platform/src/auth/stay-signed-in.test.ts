import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { REFRESH_TTL_MS } from './sessions.ts';

type T = Awaited<ReturnType<typeof testPlatform>>;

async function signIn(t: T, staySignedIn?: boolean) {
  const body = { username: 'ana', password: 'loro-agent', ...(staySignedIn === undefined ? {} : { staySignedIn }) };
  return (await t.call('POST', '/api/auth/login', { body })).body;
}

const resume = (t: T, refreshToken: string) => t.call('POST', '/api/auth/resume', { body: { refreshToken } });

describe('stay signed in', () => {
  it.each([[undefined], [false]])('issues no refresh credential unless asked (staySignedIn: %s)', async (stay) => {
    const t = await testPlatform();
    const login = await signIn(t, stay);
    expect(login.token).toEqual(expect.any(String));
    expect(login).not.toHaveProperty('refreshToken');
  });

  it('exchanges the credential once for a new session and a new credential with the same end', async () => {
    const t = await testPlatform();
    const login = await signIn(t, true);
    expect(login.refreshExpiresAt).toBe(t.clock.now() + REFRESH_TTL_MS);
    // It is not a bearer token.
    expect((await t.call('GET', '/api/me', { token: login.refreshToken })).status).toBe(401);
    t.clock.advance(60_000);
    const resumed = await resume(t, login.refreshToken);
    expect(resumed.status).toBe(200);
    expect(resumed.body.user.username).toBe('ana');
    expect(resumed.body.refreshExpiresAt).toBe(login.refreshExpiresAt);
    expect(resumed.body.refreshToken).not.toBe(login.refreshToken);
    expect((await t.call('GET', '/api/me', { token: resumed.body.token })).status).toBe(200);
    // The old credential worked once; the session opened with it is gone too.
    expect((await resume(t, login.refreshToken)).body.error.code).toBe('session_expired');
    expect((await t.call('GET', '/api/me', { token: login.token })).status).toBe(401);
  });

  it('keeps the credential across a token refresh, and ends it at its expiry', async () => {
    const t = await testPlatform();
    const login = await signIn(t, true);
    const refreshed = await t.call('POST', '/api/auth/refresh', { token: login.token });
    expect(refreshed.body).not.toHaveProperty('refreshToken');
    t.clock.advance(REFRESH_TTL_MS);
    expect((await resume(t, login.refreshToken)).status).toBe(401);
  });

  it('is revoked by signing out of its session', async () => {
    const t = await testPlatform();
    const login = await signIn(t, true);
    await t.call('POST', '/api/auth/logout', { token: login.token });
    expect((await resume(t, login.refreshToken)).status).toBe(401);
  });

  it('is revoked by signing out everywhere (not counted as a session)', async () => {
    const t = await testPlatform();
    const login = await signIn(t, true);
    const other = await signIn(t);
    expect((await t.call('POST', '/api/auth/logout-all', { token: other.token })).body).toEqual({ revoked: 2 });
    expect((await resume(t, login.refreshToken)).status).toBe(401);
  });

  it('is revoked by a new password', async () => {
    const t = await testPlatform();
    const login = await signIn(t, true);
    const admin = await t.login('admin', 'loro-admin');
    const { passwordHash: _hash, id: _id, ...user } = t.store.get('users', DEMO.users.ana.id) ?? {};
    const saved = await t.call('PUT', `/api/admin/users/${DEMO.users.ana.id}`, {
      token: admin,
      body: { ...user, password: 'a-brand-new-password' },
    });
    expect(saved.status).toBe(200);
    expect((await resume(t, login.refreshToken)).status).toBe(401);
  });

  it('refuses a made-up credential', async () => {
    const t = await testPlatform();
    expect((await resume(t, 'made-up')).status).toBe(401);
    expect((await resume(t, '')).status).toBe(400);
  });
});
