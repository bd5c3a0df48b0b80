import { z } from 'zod';
import { TEXT_BODY_MAX } from '../whatsapp/text-limits.ts';
import { cannedLanguageSchema } from './canned-response-view.ts';

/**
 * Canned responses: texts administrators prepare (a greeting, "let me check that for you…") that
 * agents insert from the composer by typing `/` and their shortcut. Their text may hold variables,
 * `{{customer.name}}`, filled by the platform for the conversation at hand (masked values while
 * masking is on), so the agent's browser never sees more than the conversation already shows.
 */

/** The variables a canned response may use, and what each stands for. */
export const cannedVariables = [
  'customer.name',
  'customer.firstName',
  'customer.number',
  'agent.name',
  'agent.firstName',
  'channel.name',
] as const;
export type CannedVariable = (typeof cannedVariables)[number];
export type CannedValues = Record<CannedVariable, string>;

const VARIABLE = /\{\{\s*([\w.]+)\s*\}\}/g;

/** The variables a text uses that are not known (each once, in order). */
export function unknownVariables(text: string): string[] {
  const known = new Set<string>(cannedVariables);
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => match[1] as string))].filter(
    (name) => !known.has(name),
  );
}

/** The text with its variables replaced by the conversation's values; unknown ones stay as written. */
export function fillCannedText(text: string, values: CannedValues): string {
  return text.replace(VARIABLE, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as CannedVariable] : whole,
  );
}

/** The first word of a name ("María García" → "María"). */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

export {
  type CannedLanguage,
  type CannedResponseView,
  cannedLanguageSchema,
  cannedResponseViewSchema,
  searchCanned,
} from './canned-response-view.ts';

/** What an administrator sends to create or change a canned response. */
export const cannedResponseBodySchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(80, 'must be at most 80 characters'),
    /** Typed after `/` in the composer: lowercase letters, digits, `_` and `-`. */
    shortcut: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'must be 1–32 lowercase letters, digits, _ or -, without the /'),
    text: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(TEXT_BODY_MAX, `must be at most ${TEXT_BODY_MAX} characters`)
      .superRefine((text, context) => {
        for (const name of unknownVariables(text))
          context.addIssue({
            code: 'custom',
            message: `{{${name}}} is not a variable: use ${cannedVariables.map((v) => `{{${v}}}`).join(', ')}`,
          });
      }),
    /** The language it is written in: the agent's panel shows those in its language first. */
    language: cannedLanguageSchema,
    /** For every channel, or only for `channelIds`. */
    allChannels: z.boolean(),
    channelIds: z.array(z.string().min(1)).max(100),
    /** The version a change is based on, like `If-Match` (the route checks it; it is not stored). */
    version: z.number().optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if (!body.allChannels && body.channelIds.length === 0)
      context.addIssue({
        code: 'custom',
        path: ['channelIds'],
        message: 'choose at least one channel, or all channels',
      });
  });
export type CannedResponseBody = z.infer<typeof cannedResponseBodySchema>;

/** A stored canned response. */
export const cannedResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortcut: z.string(),
  text: z.string(),
  language: cannedLanguageSchema,
  allChannels: z.boolean(),
  channelIds: z.array(z.string()),
});
export type CannedResponse = z.infer<typeof cannedResponseSchema>;

/** Whether a response applies to a conversation on `channelId`. */
export function appliesTo(response: Pick<CannedResponse, 'allChannels' | 'channelIds'>, channelId: string): boolean {
  return response.allChannels || response.channelIds.includes(channelId);
}
