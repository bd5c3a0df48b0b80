import { z } from 'zod';
import { describeRule, type Rule } from '../../../shared/api/validation-rules.ts';

/**
 * zod's default messages read like "Too small: expected string to have >=1 characters"; people
 * read "must not be empty". Every issue a schema does not word itself is worded from its rule
 * (shared/api/validation-rules.ts), and the answer carries the rule so that the admin UI can say
 * it in Spanish. zod's configuration is process-wide; setting it twice is harmless.
 */
export function useReadableZodMessages(): void {
  z.config({
    customError: (issue) => {
      const rule = ruleOf(issue as unknown as LooseIssue);
      return rule ? describeRule(rule, 'en') : undefined;
    },
  });
}

/** What the raw (customError) and the final (ZodError.issues) shapes of an issue both carry. */
type LooseIssue = {
  code?: string;
  input?: unknown;
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  expected?: string;
  format?: string;
  values?: unknown[];
  keys?: string[];
  divisor?: number | bigint;
};

const REQUIRED = describeRule({ code: 'required' }, 'en');

/** The rule a zod issue stands for, or undefined for custom checks (they word themselves). */
export function ruleOf(issue: LooseIssue): Rule | undefined {
  const origin = issue.origin ? { origin: issue.origin } : {};
  const inclusive = issue.inclusive === false ? { inclusive: false } : {};
  switch (issue.code) {
    case 'invalid_type':
      // The raw issue has the input; the final one only the message worded from the rule.
      if (('input' in issue && issue.input === undefined) || issue.message === REQUIRED) return { code: 'required' };
      return { code: 'type', ...(issue.expected ? { expected: issue.expected } : {}) };
    case 'too_small':
      return { code: 'too_small', ...origin, limit: Number(issue.minimum), ...inclusive };
    case 'too_big':
      return { code: 'too_big', ...origin, limit: Number(issue.maximum), ...inclusive };
    case 'invalid_format':
      return { code: 'format', format: issue.format ?? 'regex' };
    case 'invalid_value':
      return { code: 'one_of', values: (issue.values ?? []).map(String) };
    case 'unrecognized_keys':
      return { code: 'unknown_keys', values: issue.keys ?? [] };
    case 'not_multiple_of':
      return { code: 'multiple_of', limit: Number(issue.divisor) };
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { code: 'invalid' };
    default:
      return undefined;
  }
}
