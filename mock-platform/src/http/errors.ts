import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ApiError as ApiErrorBody } from '../../../shared/api/schemas.ts';
import {
  DomainError,
  type DomainErrorKind,
  type Issue,
  invalidField,
  invalidRequest,
  notFound,
  validationError,
  zodIssues,
} from '../platform/domain-errors.ts';
import { InvalidRowError, StoreFailedError } from '../store/store-errors.ts';

export { type Issue, invalidField, invalidRequest, notFound, validationError, zodIssues };

/** A request refused by the HTTP layer itself (authentication, body limits, routes' own checks). */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The one place a domain refusal becomes an HTTP status. */
const DOMAIN_STATUS: Record<DomainErrorKind, ContentfulStatusCode> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  upstream: 502,
};

/** Formats every error once, for `app.onError`: never a stack trace in a response. */
export function renderError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(body(error.code, error.message, error.issues), error.status);
  if (error instanceof DomainError) {
    return c.json(body(error.code, error.message, error.issues), DOMAIN_STATUS[error.kind]);
  }
  if (error instanceof StoreFailedError) {
    console.error(`[platform] ${error.message}`);
    return c.json(body('store_failed', 'The platform cannot store data right now: nothing was acknowledged'), 503);
  }
  if (error instanceof InvalidRowError) {
    return c.json(body('validation_failed', error.message, error.issues), 400);
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'payload_too_large' : 'http_error';
    return c.json(body(code, error.message || 'Request refused'), error.status);
  }
  console.error(`[platform] ${c.req.method} ${c.req.path} failed:`, error);
  return c.json(body('internal', 'Internal error: nothing was changed by this request'), 500);
}

function body(code: string, message: string, issues?: Issue[]): ApiErrorBody {
  return { error: issues ? { code, message, issues } : { code, message } };
}

/** zod-openapi's hook: invalid input becomes a 400 in the platform's error shape. */
export function validationHook(result: { success: boolean; error?: unknown }): void {
  if (!result.success) throw validationError(result.error as ZodError);
}
