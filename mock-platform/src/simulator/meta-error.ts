import { randomBytes } from 'node:crypto';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { GraphError } from '../../../shared/whatsapp/send-schema.ts';
import type { Refusal } from './policy.ts';

/** Titles Meta uses for the codes the simulator produces. */
const titles: Record<number, string> = {
  100: 'Invalid parameter',
  104: 'An access token is required to request this resource.',
  190: 'Invalid OAuth access token - Cannot parse access token',
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131050: 'User has stopped marketing messages',
  139050: 'No consent (a rule of the Loro simulator, not of Meta)',
  131053: 'Media upload error',
  131052: 'Media download error',
  131048: 'Spam rate limit hit',
  133010: 'Phone number not registered',
  2200: 'Callback verification failed',
  133005: 'Two step verification PIN Mismatch',
  136024: 'Verification code error',
  136025: 'Verification code expired',
  133016: 'Account has been locked for too many attempts',
  131031: 'Account has been locked',
  131049: 'Meta chose not to deliver',
  2388093: 'Business profile update failed',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
  130429: 'Rate limit hit',
  132000: 'Number of parameters does not match the expected number of params',
  132001: 'Template name does not exist in the translation',
  132015: 'Template is Paused',
  132016: 'Template is Disabled',
};

/** A Cloud API refusal, rendered in Meta's error envelope on every Graph path. */
export class MetaError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: number,
    readonly details?: string,
    readonly type = 'OAuthException',
    /**
     * Meta's own wording when it is not `(#code) title`, its `error_subcode`, and the
     * `error_user_title` / `error_user_msg` Meta adds for refusals a person fixes (templates).
     */
    readonly wording: {
      message?: string;
      subcode?: number;
      userTitle?: string | undefined;
      userMessage?: string | undefined;
    } = {},
    /** Seconds, sent as `Retry-After` (rate limits answered with 429). */
    readonly retryAfterSeconds?: number,
  ) {
    super(wording.message ?? `(#${code}) ${titles[code] ?? 'Error'}`);
    this.name = 'MetaError';
  }

  /** A policy refusal; a 429 carries when to try again. */
  static from(refusal: Refusal): MetaError {
    const retryAfter =
      refusal.status === 429 && refusal.retryAfterMs !== undefined ? Math.ceil(refusal.retryAfterMs / 1000) : undefined;
    return new MetaError(refusal.status, refusal.code, refusal.details, undefined, {}, retryAfter);
  }

  /** What Graph answers for a path or method it does not serve, or an object id it does not know. */
  static unsupported(method: string, id: string): MetaError {
    return new MetaError(400, 100, undefined, 'GraphMethodException', {
      message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
      subcode: 33,
    });
  }

  toJSON(): GraphError {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.wording.subcode !== undefined ? { error_subcode: this.wording.subcode } : {}),
        ...(this.wording.userTitle ? { error_user_title: this.wording.userTitle } : {}),
        ...(this.wording.userMessage ? { error_user_msg: this.wording.userMessage } : {}),
        ...(this.details ? { error_data: { messaging_product: 'whatsapp' as const, details: this.details } } : {}),
        fbtrace_id: randomBytes(12).toString('base64url'),
      },
    };
  }
}

export function metaTitle(code: number): string {
  return titles[code] ?? 'Error';
}
