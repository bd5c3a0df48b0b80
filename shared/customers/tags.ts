import { z } from 'zod';

/** At most this many tags on one customer: enough to sort, too few to hide notes in. */
export const MAX_CUSTOMER_TAGS = 20;

/**
 * One tag an agent puts on a customer ("vip", "reclamación abierta"): letters of any script,
 * digits, spaces, hyphen and underscore, 1–32 characters after trimming and collapsing spaces.
 * Free text (numbers, emails) is kept out so tags need no masking.
 */
export const customerTagSchema = z
  .string()
  .transform((tag) => tag.trim().replace(/\s+/gu, ' '))
  .pipe(
    z
      .string()
      .min(1, 'tag must not be empty')
      .max(32, 'tag must be at most 32 characters')
      .regex(/^[\p{L}\p{M}0-9 _-]+$/u, 'tag may hold letters, digits, spaces, - and _ only')
      .refine((tag) => /\p{L}/u.test(tag), 'tag must contain a letter'),
  );

/** Adds a tag unless the customer already has it (compared case-insensitively), keeping order. */
export function withTag(tags: readonly string[], tag: string): string[] {
  const key = tag.toLocaleLowerCase();
  return tags.some((existing) => existing.toLocaleLowerCase() === key) ? [...tags] : [...tags, tag];
}

/** Removes a tag, compared case-insensitively. */
export function withoutTag(tags: readonly string[], tag: string): string[] {
  const key = tag.toLocaleLowerCase();
  return tags.filter((existing) => existing.toLocaleLowerCase() !== key);
}
