import { RE2JS, RE2JSException } from 're2js';

/**
 * Regular expressions that administrators type into routing scripts and queues run on every
 * customer message, so they must never backtrack: `^(a+)+$` against 32 characters took the
 * platform 9 s with JavaScript's engine. RE2 semantics (linear time in the text) are what
 * re2js gives, in any environment. Patterns RE2 cannot run in linear time (back-references,
 * look-around) are refused when the script is saved.
 */

/** Compiled patterns by source: a script's patterns are compiled once, not per message. */
const compiled = new Map<string, RE2JS>();
const CACHE_LIMIT = 1_000;

/** Compiles a case-insensitive pattern, or throws {@link RE2JSException} naming what is wrong. */
function compile(source: string): RE2JS {
  const cached = compiled.get(source);
  if (cached) return cached;
  const pattern = RE2JS.compile(source, RE2JS.CASE_INSENSITIVE);
  if (compiled.size >= CACHE_LIMIT) compiled.clear();
  compiled.set(source, pattern);
  return pattern;
}

/** Why RE2 refuses the pattern, in words an administrator can act on; undefined when it is valid. */
export function patternProblem(source: string): string | undefined {
  try {
    compile(source);
    return undefined;
  } catch (error) {
    if (!(error instanceof RE2JSException)) throw error;
    return `is not a regular expression this platform can run in linear time (${errorDetail(error)}); back-references and look-arounds are not supported`;
  }
}

/** Whether the pattern matches anywhere in the text, case-insensitively, in time linear in the text. */
export function patternMatches(source: string, text: string): boolean {
  return compile(source).test(text);
}

/** Longest piece of the pattern quoted back in a refusal: the rest is cut with an ellipsis. */
const QUOTE_LIMIT = 40;

/**
 * re2js's `kind: \`input\``, without the `(?i)` re2js puts in front of the pattern for the
 * case-insensitive flag (the administrator never typed it) and cut when long.
 */
function errorDetail(error: RE2JSException): string {
  const detail = error.message.replace(/^error parsing regexp: /, '');
  const quoted = /^(.*?): `([\s\S]*)`$/.exec(detail);
  if (!quoted) return detail;
  const input = (quoted[2] ?? '').replace(/^\(\?i\)/, '');
  const shown = input.length > QUOTE_LIMIT ? `${input.slice(0, QUOTE_LIMIT)}…` : input;
  return `${quoted[1]}: \`${shown}\``;
}
