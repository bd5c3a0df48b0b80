import type { SensitiveSpan } from './types.ts';

// Local part: letters (any script), digits and . _ % + - (plus tags included), not starting or
// ending with a dot. Domain: one or more labels and a top-level domain of letters.
const EMAIL =
  /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}_%+-](?:[\p{L}\p{N}._%+-]*[\p{L}\p{N}_%+-])?@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-])/gu;

/** Email addresses, including plus tags, subdomains and non-ASCII local parts. */
export function detectEmails(text: string): SensitiveSpan[] {
  return [...text.matchAll(EMAIL)].map((match) => ({
    kind: 'email' as const,
    start: match.index,
    end: match.index + match[0].length,
  }));
}
