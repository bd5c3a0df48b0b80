import { z } from 'zod';

/**
 * zod's default message for a missing field is "Invalid input: expected string, received
 * undefined"; people read "is required". Issues keep their path, so answers say "password: is
 * required". zod's configuration is process-wide; setting it twice is harmless.
 */
export function useReadableZodMessages(): void {
  z.config({
    customError: (issue) => {
      if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
      if (issue.code === 'invalid_type') return `must be ${article(issue.expected)}`;
      return undefined;
    },
  });
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
