import { loginResponseSchema } from '../../shared/api/schemas.ts';
import { request } from './api-client.ts';
import { type Session, saveSession } from './storage.ts';

/** Exchanges the session's token for a fresh one and stores it for every extension page. */
export async function refreshSession(session: Session): Promise<Session> {
  const fresh = await request(session.platformUrl, '/api/auth/refresh', loginResponseSchema, {
    method: 'POST',
    token: session.token,
  });
  const next = { ...fresh, platformUrl: session.platformUrl };
  await saveSession(next);
  return next;
}
