import { z } from 'zod';
import { messageViewSchema } from './schemas.ts';

/**
 * Shapes of the agent's customer context (issue 16, items 3 and 4): private notes, the customer
 * view with its tags, and past conversations opened read-only. Masked like every agent view.
 */

/** Longest private note: as long as a WhatsApp text, so a note never needs splitting. */
export const NOTE_MAX = 4096;

/**
 * What the platform knows of the customer's consent (it never sees WhatsApp's own record):
 * `wrote` they wrote to the business; `refused` WhatsApp refused a message to them for consent
 * (131050) and they have not written since; `unknown` neither.
 */
export const optInStateSchema = z.enum(['wrote', 'refused', 'unknown']);
export type OptInState = z.infer<typeof optInStateSchema>;

/** One ended conversation of the customer, as the agent may open it read-only. */
export const pastConversationSummarySchema = z.object({
  conversationId: z.string(),
  channelName: z.string(),
  queueName: z.string(),
  createdAt: z.number(),
  endedAt: z.number(),
  agentName: z.string().optional(),
  closureReason: z.string().optional(),
  /** The wrap-up note (masked). */
  note: z.string().optional(),
});
export type PastConversationSummary = z.infer<typeof pastConversationSummarySchema>;

export const customerViewSchema = z.object({
  name: z.string(),
  number: z.string(),
  /** ISO 3166 region of the number, when it is a valid one. */
  country: z.string().optional(),
  optIn: optInStateSchema,
  /** The agent the customer is routed back to (the last one who took their conversation). */
  preferredAgent: z.string().optional(),
  tags: z.array(z.string()),
  /** Ended conversations this agent may open, newest first. */
  previous: z.array(pastConversationSummarySchema),
});
export type CustomerView = z.infer<typeof customerViewSchema>;

export const pastConversationSchema = pastConversationSummarySchema.extend({
  customerName: z.string(),
  customerNumber: z.string(),
  messages: z.array(messageViewSchema),
});
export type PastConversation = z.infer<typeof pastConversationSchema>;
