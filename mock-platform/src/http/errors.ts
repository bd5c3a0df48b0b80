import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { ApiError as ApiErrorBody } from '../../../shared/api/schemas.ts';
import type { Rule } from '../../../shared/api/validation-rules.ts';
import { describeRule } from '../../../shared/api/validation-rules.ts';
import { InvalidRowError, StoreFailedError } from '../store/store-errors.ts';
import { ruleOf } from './zod-messages.ts';

/** One refused field: where, why in English, and (when it is a standard rule) the rule as data. */
export type Issue = { path: string; message: string; rule?: Rule };

/** A request the platform refuses: rendered as `{ error: { code, message, issues? } }`. */
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

const REQUIRED_RULE: Rule = { code: 'required' };
/** Schemas word an empty required text `min(1, 'is required')`: the same rule as a missing field. */
const REQUIRED = describeRule(REQUIRED_RULE, 'en');

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} was not found`);

export function zodIssues(error: ZodError): Issue[] {
  return error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    // The rule goes along only when the message is the rule's own words, not a schema's wording.
    const rule = issue.message === REQUIRED ? REQUIRED_RULE : ruleOf(issue as Parameters<typeof ruleOf>[0]);
    return rule && describeRule(rule, 'en') === issue.message
      ? { path, message: issue.message, rule }
      : { path, message: issue.message };
  });
}

/** A 400 naming each field and its rule: the one shape for schema and cross-record checks alike. */
export function invalidRequest(issues: Issue[]): ApiError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new ApiError(400, 'validation_failed', `Invalid request: ${summary}`, issues);
}

/** A 400 about one field: `path: message`. */
export function invalidField(path: string, message: string): ApiError {
  return new ApiError(400, 'validation_failed', `${path}: ${message}`, [{ path, message }]);
}

export function validationError(error: ZodError): ApiError {
  return invalidRequest(zodIssues(error));
}

/** Formats every error once, for `app.onError`: never a stack trace in a response. */
export function renderError(error: Error, c: Context): Response {
  if (error instanceof ApiError) return c.json(body(error.code, error.message, error.issues), error.status);
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
