import { z } from 'zod';
import { customerTagSchema } from '../customers/tags.ts';
import { NOTE_MAX } from './customer-context.ts';

/** Request bodies of the customer context routes (server side; the panel sends plain objects). */

export const noteRequestSchema = z.object({
  text: z
    .string()
    .refine((text) => text.trim().length > 0, 'text must not be empty')
    .refine((text) => text.length <= NOTE_MAX, `text must be at most ${NOTE_MAX} characters`),
});

export const tagRequestSchema = z.object({ tag: customerTagSchema });
