import { randomBytes } from 'node:crypto';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { GraphError } from '../../../shared/whatsapp/send-schema.ts';

/** Titles Meta uses for the codes the simulator produces. */
const titles: Record<number, string> = {
  100: 'Invalid parameter',
  190: 'Invalid OAuth access token - Cannot parse access token',
  131000: 'Something went wrong',
  131008: 'Required parameter is missing',
  131009: 'Parameter value is not valid',
  131026: 'Message undeliverable',
  131047: 'Re-engagement message',
  131050: 'User has stopped marketing messages',
  131053: 'Media upload error',
  131052: 'Media download error',
  131048: 'Spam rate limit hit',
  133010: 'Phone number not registered',
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
  ) {
    super(`(#${code}) ${titles[code] ?? 'Error'}`);
    this.name = 'MetaError';
  }

  toJSON(): GraphError {
    return {
      error: {
        message: this.message,
        type: this.type,
        code: this.code,
        ...(this.details ? { error_data: { messaging_product: 'whatsapp' as const, details: this.details } } : {}),
        fbtrace_id: randomBytes(12).toString('base64url'),
      },
    };
  }
}

export function metaTitle(code: number): string {
  return titles[code] ?? 'Error';
}
