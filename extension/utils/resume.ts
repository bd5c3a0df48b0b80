import { loginResponseSchema } from '../../shared/api/schemas.ts';
import { type FetchLike, PlatformError, request } from './api-client.ts';
import { keep } from './auth.ts';
import { clearStaySignedIn, loadSession, loadStaySignedIn, type Session } from './storage.ts';

/** Runs `task` alone among the extension's pages (each window has its own side panel). */
type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

let chain: Promise<unknown> = Promise.resolve();
/** Where the Web Locks API is missing (tests under Node), one page's calls run one at a time. */
const inThisPage: Exclusive = (task) => {
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
};
const acrossPages =
  (locks: LockManager): Exclusive =>
  (task) =>
    locks.request('loro.resume', task);

/**
 * With no session (the browser restarted, so `storage.session` is empty), signs the agent in
 * again with her "stay signed in" credential, if she chose it. Panels do it one at a time, so a
 * second finds the session the first got instead of spending the credential again. A credential
 * the platform refuses (expired, revoked by sign-out everywhere or a new password) is forgotten;
 * one that could not be tried (the platform unreachable) is kept for the next time.
 * Undefined: the sign-in form.
 */
export function resumeSession({
  now = Date.now(),
  fetch = globalThis.fetch,
  locks = globalThis.navigator?.locks,
}: {
  now?: number;
  fetch?: FetchLike;
  locks?: LockManager | undefined;
} = {}): Promise<Session | undefined> {
  const exclusive = locks ? acrossPages(locks) : inThisPage;
  return exclusive(async () => (await loadSession(now)) ?? (await exchange(now, fetch)));
}

async function exchange(now: number, fetch: FetchLike): Promise<Session | undefined> {
  const credential = await loadStaySignedIn(now);
  if (!credential) return undefined;
  try {
    const login = await request(credential.platformUrl, '/api/auth/resume', loginResponseSchema, {
      method: 'POST',
      body: { refreshToken: credential.refreshToken },
      fetch,
    });
    return await keep(credential.platformUrl, login);
  } catch (error) {
    if (error instanceof PlatformError && error.status >= 400 && error.status < 500)
      await clearStaySignedIn(credential.refreshToken);
    return undefined;
  }
}
