import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { testPlatform } from '../../mock-platform/src/testing/harness.ts';
import { signIn, signOut } from './auth.ts';
import type { CredentialDb } from './credential-db.ts';
import { resumeSession } from './resume.ts';
import { loadSession, loadStaySignedIn } from './storage.ts';
import { migrateStaySignedIn, restrictSessionStorage } from './storage-upkeep.ts';

// The extension's pages reach the browser through utils/browser.ts (Chrome's own chrome.*).
vi.mock('./browser.ts', () => ({ default: fakeBrowser }));
// The extension origin's IndexedDB (Node has none; e2e/stay-signed-in.e2e.test.ts uses Chromium's):
// kept across a "browser restart", emptied for each test.
const idb = vi.hoisted(() => new Map<string, unknown>());
vi.mock('./credential-db.ts', () => ({
  indexedDbCredentials: (): CredentialDb => ({
    get: async (key) => idb.get(key),
    put: async (key, value, when) => {
      if (!when || when(idb.get(key))) idb.set(key, value);
    },
    remove: async (key, when) => {
      if (!when || when(idb.get(key))) idb.delete(key);
    },
  }),
}));

type T = Awaited<ReturnType<typeof testPlatform>>;
const PLATFORM = 'http://platform.test';

/** The extension talks to an in-memory platform, and the browser "restarts" by losing storage.session. */
async function setUp(): Promise<T> {
  const t = await testPlatform();
  // The extension reads the wall clock: put it at the platform's manual clock.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(t.clock.now());
  vi.stubGlobal('fetch', (url: string, init?: RequestInit) => t.app.request(url, init));
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
  return t;
}
const restartBrowser = () => fakeBrowser.storage.session.clear();
const onDisk = async () => JSON.stringify(await fakeBrowser.storage.local.get());

describe('the agent token and "stay signed in"', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    idb.clear();
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('keeps the token in storage.session only: nothing on disk, and a restart signs the agent out', async () => {
    await setUp();
    const session = await signIn(PLATFORM, 'ana', 'loro-agent');
    expect(await loadSession()).toEqual(session);
    expect(await onDisk()).not.toContain(session.token);
    expect(await loadStaySignedIn()).toBeUndefined();
    await restartBrowser();
    expect(await loadSession()).toBeUndefined();
    expect(await resumeSession()).toBeUndefined();
  });

  it('with "stay signed in", signs in again after a restart with a new credential; the old one is spent', async () => {
    const t = await setUp();
    const session = await signIn(PLATFORM, 'ana', 'loro-agent', true);
    const credential = await loadStaySignedIn();
    expect(credential).toMatchObject({ platformUrl: PLATFORM, userId: session.user.id });
    expect(await onDisk()).not.toContain(session.token);
    // Not in storage.local, which content scripts can read: in the extension's IndexedDB.
    expect(await onDisk()).not.toContain(credential?.refreshToken);
    expect(await onDisk()).not.toContain('loro.staySignedIn');
    await restartBrowser();
    const resumed = await resumeSession();
    expect(resumed?.user.username).toBe('ana');
    expect(await loadSession()).toEqual(resumed);
    expect((await loadStaySignedIn())?.refreshToken).not.toBe(credential?.refreshToken);
    expect((await t.call('GET', '/api/me', { token: resumed?.token })).status).toBe(200);
    const spent = await t.call('POST', '/api/auth/resume', { body: { refreshToken: credential?.refreshToken } });
    expect(spent.status).toBe(401);
  });

  it('forgets a credential the platform revoked (sign-out everywhere elsewhere) and shows the sign-in form', async () => {
    const t = await setUp();
    await signIn(PLATFORM, 'ana', 'loro-agent', true);
    await t.call('POST', '/api/auth/logout-all', { token: await t.login('ana', 'loro-agent') });
    await restartBrowser();
    expect(await resumeSession()).toBeUndefined();
    expect(await loadStaySignedIn()).toBeUndefined();
  });

  it('keeps the credential while the platform cannot be reached', async () => {
    await setUp();
    await signIn(PLATFORM, 'ana', 'loro-agent', true);
    await restartBrowser();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await resumeSession()).toBeUndefined();
    expect(await loadStaySignedIn()).toBeDefined();
  });

  it('signing out forgets the credential here and revokes it on the platform', async () => {
    const t = await setUp();
    const session = await signIn(PLATFORM, 'ana', 'loro-agent', true);
    const credential = await loadStaySignedIn();
    await signOut(session);
    expect([await loadSession(), await loadStaySignedIn()]).toEqual([undefined, undefined]);
    const refused = await t.call('POST', '/api/auth/resume', { body: { refreshToken: credential?.refreshToken } });
    expect(refused.status).toBe(401);
  });

  it('signing in without the box ticked forgets an earlier credential', async () => {
    await setUp();
    await signIn(PLATFORM, 'ana', 'loro-agent', true);
    await signIn(PLATFORM, 'ana', 'loro-agent');
    expect(await loadStaySignedIn()).toBeUndefined();
  });

  it('two panels resuming at once sign in once: the second finds the session the first got', async () => {
    await setUp();
    await signIn(PLATFORM, 'ana', 'loro-agent', true);
    await restartBrowser();
    const [first, second] = await Promise.all([resumeSession(), resumeSession()]);
    expect(first).toBeDefined();
    expect(second).toEqual(first);
    await restartBrowser();
    expect(await resumeSession()).toBeDefined();
  });

  it('restricts storage.session to trusted contexts and removes a token older versions left on disk', async () => {
    await fakeBrowser.storage.local.set({ 'loro.session': { token: 'old' }, 'loro.platformUrl': PLATFORM });
    const setAccessLevel = vi.fn(async () => {});
    await restrictSessionStorage({ setAccessLevel });
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(await fakeBrowser.storage.local.get()).toEqual({ 'loro.platformUrl': PLATFORM });
  });

  it('moves a credential older versions left in storage.local into IndexedDB, and removes the old copy', async () => {
    await setUp();
    const legacy = { platformUrl: PLATFORM, userId: 'u1', refreshToken: 'old-refresh', expiresAt: Date.now() + 60_000 };
    await fakeBrowser.storage.local.set({ 'loro.staySignedIn': legacy, 'loro.platformUrl': PLATFORM });
    await migrateStaySignedIn();
    expect(await fakeBrowser.storage.local.get()).toEqual({ 'loro.platformUrl': PLATFORM });
    expect(idb.get('loro.staySignedIn')).toEqual(legacy);
    expect(await loadStaySignedIn()).toEqual(legacy);

    // A newer credential already in IndexedDB wins over a stale copy; the copy is removed anyway.
    await fakeBrowser.storage.local.set({ 'loro.staySignedIn': { ...legacy, refreshToken: 'stale' } });
    expect((await loadStaySignedIn())?.refreshToken).toBe('old-refresh');
    expect(await onDisk()).not.toContain('stale');
  });
});
