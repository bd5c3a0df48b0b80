import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { type PlatformSchema, put, remove, type User } from '../platform/records.ts';
import type { Store, WriteOp } from '../store/store.ts';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** How long "stay signed in" lasts from the sign-in (resuming does not extend it). */
export const REFRESH_TTL_MS = 30 * 24 * 60 * 60 * 1000;

type SessionRow = PlatformSchema['sessions'];

/** A session's id: the hash of its token (the token itself is never stored). */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
const tokenId = sessionIdOf;

/** What a client is given: a bearer token, and with "stay signed in" a refresh credential. */
export interface Issued {
  token: string;
  expiresAt: number;
  refreshToken?: string;
  refreshExpiresAt?: number;
}

/**
 * Bearer-token sessions: the token goes to the client once; only its hash is stored. With "stay
 * signed in" a refresh credential is issued too (also stored only as a hash), which a client that
 * lost its token (a browser restart) exchanges for a new session and a new credential.
 */
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
    return session !== undefined && session.kind !== 'refresh' && session.expiresAt > this.clock.now();
  }

  /** A new session; with `staySignedIn` a refresh credential too, in the same commit. */
  async create(user: User, { staySignedIn = false }: { staySignedIn?: boolean } = {}): Promise<Issued> {
    const { ops, issued } = this.#issue(user, staySignedIn ? this.clock.now() + REFRESH_TTL_MS : undefined);
    await this.store.commit(ops);
    return issued;
  }

  /** A fresh token for a live session, which it replaces (keeping its refresh credential). */
  async renew(token: string, user: User): Promise<Issued> {
    const current = this.store.get('sessions', tokenId(token));
    const issued = this.#newSession(user, current?.refreshId);
    await this.store.commit([issued.op, remove('sessions', tokenId(token))]);
    this.onRevoked();
    return { token: issued.token, expiresAt: issued.expiresAt };
  }

  /**
   * Exchanges a refresh credential for a new session and a new credential (same end): the old
   * credential and the sessions opened with it are revoked, so a copied credential works once.
   * Undefined when it is unknown, expired or revoked.
   */
  async resume(refreshToken: string): Promise<{ user: User; issued: Issued } | undefined> {
    const now = this.clock.now();
    const old = this.store.get('sessions', tokenId(refreshToken));
    const user = old ? this.store.get('users', old.userId) : undefined;
    if (old?.kind !== 'refresh' || old.expiresAt <= now || !user) return undefined;
    const { ops, issued } = this.#issue(user, old.expiresAt);
    // No await between the read and the commit (applied to memory at once): one resume wins.
    const opened = this.store.where('sessions', 'userId', user.id).filter((row) => row.refreshId === old.id);
    await this.store.commit([...ops, remove('sessions', old.id), ...opened.map((row) => remove('sessions', row.id))]);
    if (opened.length > 0) this.onRevoked();
    return { user, issued };
  }

  /** The user a token belongs to, or undefined when it is unknown, expired or a refresh credential. */
  authenticate(token: string): User | undefined {
    const session = this.store.get('sessions', tokenId(token));
    if (!session || session.kind === 'refresh' || session.expiresAt <= this.clock.now()) return undefined;
    return this.store.get('users', session.userId);
  }

  /** Signs the user out everywhere: every session and refresh credential of theirs is deleted. */
  async revokeAll(userId: string): Promise<number> {
    const rows = this.store.where('sessions', 'userId', userId);
    await this.store.commit(rows.map((row) => remove('sessions', row.id)));
    this.onRevoked();
    return rows.filter((row) => row.kind !== 'refresh').length;
  }

  /** Signs one session out, with the refresh credential it was opened with. */
  async revoke(token: string): Promise<void> {
    const session = this.store.get('sessions', tokenId(token));
    if (!session) return;
    const ops: WriteOp<PlatformSchema>[] = [remove('sessions', session.id)];
    if (session.refreshId && this.store.get('sessions', session.refreshId))
      ops.push(remove('sessions', session.refreshId));
    await this.store.commit(ops);
    this.onRevoked();
  }

  #issue(user: User, refreshExpiresAt: number | undefined): { ops: WriteOp<PlatformSchema>[]; issued: Issued } {
    if (refreshExpiresAt === undefined) {
      const session = this.#newSession(user, undefined);
      return { ops: [session.op], issued: { token: session.token, expiresAt: session.expiresAt } };
    }
    const refreshToken = randomBytes(32).toString('base64url');
    const refresh: SessionRow = {
      id: tokenId(refreshToken),
      userId: user.id,
      createdAt: this.clock.now(),
      expiresAt: refreshExpiresAt,
      kind: 'refresh',
    };
    const session = this.#newSession(user, refresh.id);
    return {
      ops: [put('sessions', refresh), session.op],
      issued: { token: session.token, expiresAt: session.expiresAt, refreshToken, refreshExpiresAt },
    };
  }

  #newSession(user: User, refreshId: string | undefined) {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const row: SessionRow = {
      id: tokenId(token),
      userId: user.id,
      createdAt: now,
      expiresAt: now + SESSION_TTL_MS,
      ...(refreshId ? { refreshId } : {}),
    };
    return { token, expiresAt: row.expiresAt, op: put('sessions', row) };
  }
}
