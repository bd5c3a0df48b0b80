import type { ZodError } from 'zod';
import { describeRule, type Rule } from '../../../shared/api/validation-rules.ts';
import { ruleOf } from '../http/zod-messages.ts';

/** One refused field: where, why in English, and (when it is a standard rule) the rule as data. */
export type Issue = { path: string; message: string; rule?: Rule };

/**
 * What kind of refusal: the domain says what went wrong, the error renderer (http/errors.ts)
 * alone decides which HTTP status that is.
 */
export type DomainErrorKind =
  | 'invalid'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'too_large'
  | 'unsupported_type'
  /** WhatsApp refused the call or could not be reached. */
  | 'upstream';

/** A refusal by the platform's rules, rendered as `{ error: { code, message, issues? } }`. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', 'not_found', `${what} was not found`);

/** Invalid input naming each field and its rule: the one shape for schema and cross-record checks alike. */
export function invalidRequest(issues: Issue[]): DomainError {
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new DomainError('invalid', 'validation_failed', `Invalid request: ${summary}`, issues);
}

/** Invalid input in one field: `path: message`. */
export function invalidField(path: string, message: string): DomainError {
  return new DomainError('invalid', 'validation_failed', `${path}: ${message}`, [{ path, message }]);
}

const REQUIRED_RULE: Rule = { code: 'required' };
/** Schemas word an empty required text `min(1, 'is required')`: the same rule as a missing field. */
const REQUIRED = describeRule(REQUIRED_RULE, 'en');

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

export function validationError(error: ZodError): DomainError {
  return invalidRequest(zodIssues(error));
}
