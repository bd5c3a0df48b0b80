import { z } from 'zod';

/** Placeholders an administrator may use in a skill's screen-pop URL (RT-9). */
export const SCREEN_POP_PLACEHOLDERS = [
  'conversationId',
  'customerNumber',
  'customerName',
  'channelId',
  'queue',
] as const;
type Placeholder = (typeof SCREEN_POP_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{(\w+)\}/g;

/** An absolute http(s) URL once placeholders are filled, using only known placeholders. */
export const screenPopUrlSchema = z
  .string()
  .max(2000)
  .refine(
    (template) =>
      [...template.matchAll(PLACEHOLDER)].every((m) =>
        (SCREEN_POP_PLACEHOLDERS as readonly string[]).includes(m[1] ?? ''),
      ),
    `may only use the placeholders ${SCREEN_POP_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
  )
  .refine((template) => {
    try {
      const url = new URL(template.replace(PLACEHOLDER, 'x'));
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

/** Fills the placeholders, each URL-encoded. */
export function screenPopUrl(template: string, values: Record<Placeholder, string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => encodeURIComponent(values[name as Placeholder] ?? ''));
}
