import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';

/** How long a custom component may act for the agent after the panel loaded it. */
export const COMPONENT_TOKEN_TTL_MS = 15 * 60_000;

export interface ComponentGrant {
  userId: string;
  conversationId: string;
  expiresAt: number;
}

/**
 * Short-lived tokens that let a custom component page (TP-6) act for one agent in one
 * conversation, and nothing else: HMAC-signed with a key that lives only in this process, so no
 * store is needed and a restart revokes them all (the panel asks for a new one).
 */
export class ComponentTokens {
  readonly #key = randomBytes(32);

  constructor(private readonly clock: Clock) {}

  issue(userId: string, conversationId: string): { token: string; expiresAt: number } {
    const expiresAt = this.clock.now() + COMPONENT_TOKEN_TTL_MS;
    const payload = Buffer.from(JSON.stringify({ userId, conversationId, expiresAt })).toString('base64url');
    return { token: `${payload}.${this.#sign(payload)}`, expiresAt };
  }

  /** The grant, when the token is genuine, unexpired and for this conversation. */
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
    return grant;
  }

  #sign(payload: string): string {
    return createHmac('sha256', this.#key).update(payload).digest('base64url');
  }
}
