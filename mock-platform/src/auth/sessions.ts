import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { type PlatformSchema, put, remove, type User } from '../platform/records.ts';
import type { Store } from '../store/store.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** A session's id: the hash of its token (the token itself is never stored). */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
const tokenId = sessionIdOf;

/** Bearer-token sessions: the token goes to the client once; only its hash is stored. */
export class Sessions {
  /**
   * @param onRevoked called after sessions were revoked, so whatever was opened with them (event
   *   streams) is closed at once.
   */
  constructor(
    private readonly store: Store<PlatformSchema>,
    private readonly clock: Clock,
    private readonly onRevoked: () => void = () => {},
  ) {}

  /** The session still exists and has not expired (what a component token or stream checks). */
  isLive(sessionId: string): boolean {
    const session = this.store.get('sessions', sessionId);
    return session !== undefined && session.expiresAt > this.clock.now();
  }

  async create(user: User): Promise<{ token: string; expiresAt: number }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = now + SESSION_TTL_MS;
    await this.store.commit([put('sessions', { id: tokenId(token), userId: user.id, createdAt: now, expiresAt })]);
    return { token, expiresAt };
  }

  /** The user a token belongs to, or undefined when it is unknown or expired. */
  authenticate(token: string): User | undefined {
    const session = this.store.get('sessions', tokenId(token));
    if (!session || session.expiresAt <= this.clock.now()) return undefined;
    return this.store.get('users', session.userId);
  }

  /** Signs the user out everywhere: every session of theirs is deleted. */
  async revokeAll(userId: string): Promise<number> {
    const ids = this.store.where('sessions', 'userId', userId).map((session) => session.id);
    await this.store.commit(ids.map((id) => remove('sessions', id)));
    this.onRevoked();
    return ids.length;
  }

  async revoke(token: string): Promise<void> {
    const id = tokenId(token);
    if (!this.store.get('sessions', id)) return;
    await this.store.commit([remove('sessions', id)]);
    this.onRevoked();
  }
}
