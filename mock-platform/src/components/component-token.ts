import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';

/** How long a custom component may act for the agent after the panel loaded it. */
export const COMPONENT_TOKEN_TTL_MS = 15 * 60_000;

export interface ComponentGrant {
  userId: string;
  /** The agent's session it was issued under: signing out (anywhere) ends the token too. */
  sessionId: string;
  conversationId: string;
  expiresAt: number;
}

/**
 * Short-lived tokens that let a custom component page (TP-6) act for one agent in one
 * conversation, and nothing else: HMAC-signed with a key that lives only in this process, so no
 * store is needed and a restart revokes them all (the panel asks for a new one). Each is bound to
 * the agent's session: sign-out, sign-out everywhere or a new password ends it at once.
 */
export class ComponentTokens {
  readonly #key = randomBytes(32);

  constructor(
    private readonly clock: Clock,
    private readonly sessionLive: (sessionId: string) => boolean,
  ) {}

  issue(userId: string, sessionId: string, conversationId: string): { token: string; expiresAt: number } {
    const expiresAt = this.clock.now() + COMPONENT_TOKEN_TTL_MS;
    const payload = Buffer.from(JSON.stringify({ userId, sessionId, conversationId, expiresAt })).toString('base64url');
    return { token: `${payload}.${this.#sign(payload)}`, expiresAt };
  }

  /** The grant, when the token is genuine, unexpired, for this conversation and its session still live. */
  verify(token: string, conversationId: string): ComponentGrant | undefined {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.#sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    let grant: ComponentGrant;
    try {
      grant = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    if (grant.conversationId !== conversationId || grant.expiresAt <= this.clock.now()) return undefined;
    if (typeof grant.sessionId !== 'string' || !this.sessionLive(grant.sessionId)) return undefined;
    return grant;
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}
