import { z } from 'zod';
import { type LoginResponse, loginResponseSchema } from '../../shared/api/schemas.ts';
import { PlatformError, request } from './api-client.ts';
import browser from './browser.ts';
import { clearDesk } from './draft-storage.ts';
import { clearSession, clearStaySignedIn, type Session, saveSession, saveStaySignedIn } from './storage.ts';

/** Normalises what the agent typed as the platform URL: `127.0.0.1:8787/` → `http://127.0.0.1:8787`. */
export function normalisePlatformUrl(input: string): string {
  const trimmed = input.trim();
  const withScheme = /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new PlatformError(0, 'invalid_url', 'Platform URL: enter an address such as http://127.0.0.1:8787');
  }
  return url.origin;
}

/**
 * Signs in: makes sure the extension may reach that platform (asking for the host permission
 * when it is not a loopback address; this must run in the click's user gesture), then stores the
 * session for every extension page. With `staySignedIn`, the platform's refresh credential is
 * kept too, so the agent is signed in again after a browser restart.
 */
export async function signIn(
  platformUrlInput: string,
  username: string,
  password: string,
  staySignedIn = false,
): Promise<Session> {
  const platformUrl = normalisePlatformUrl(platformUrlInput);
  const origins = [`${platformUrl}/*`];
  if (!(await browser.permissions.contains({ origins }))) {
    const granted = await browser.permissions.request({ origins });
    if (!granted) throw new PlatformError(0, 'permission_denied', `Loro needs permission to reach ${platformUrl}`);
  }
  const login = await request(platformUrl, '/api/auth/login', loginResponseSchema, {
    method: 'POST',
    body: { username, password, staySignedIn },
  });
  if (login.user.role !== 'agent') {
    throw new PlatformError(403, 'not_an_agent', 'This panel is for agents: sign in with an agent account');
  }
  return keep(platformUrl, login);
}

/** Stores what a sign-in (or a resume) answered: the session, and any refresh credential. */
export async function keep(platformUrl: string, login: LoginResponse): Promise<Session> {
  const { refreshToken, refreshExpiresAt, ...rest } = login;
  if (refreshToken !== undefined && refreshExpiresAt !== undefined)
    await saveStaySignedIn({ platformUrl, userId: login.user.id, refreshToken, expiresAt: refreshExpiresAt });
  else await clearStaySignedIn();
  const session = { ...rest, platformUrl };
  await saveSession(session);
  return session;
}

/** Signs out here: the platform revokes the token and its refresh credential; both are forgotten. */
export async function signOut(session: Session): Promise<void> {
  await clearStaySignedIn();
  await request(session.platformUrl, '/api/auth/logout', z.unknown(), {
    method: 'POST',
    token: session.token,
  }).catch(() => undefined);
  await clearDesk(session.user.id).catch(() => undefined);
  await clearSession();
}
