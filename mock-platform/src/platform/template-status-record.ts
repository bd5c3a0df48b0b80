import { z } from 'zod';

/**
 * The last `message_template_status_update` WhatsApp sent about each template (approved,
 * rejected with its reason, paused, disabled…), stored by the webhook receiver so the admin's
 * template list shows why and since when, not only the status the Graph list gives.
 */
export const templateStatusRecordSchema = z.object({
  /** The template's id on WhatsApp (`message_template_id`). */
  id: z.string(),
  wabaId: z.string(),
  name: z.string(),
  language: z.string(),
  /** Meta's `event`: APPROVED, REJECTED, PAUSED, DISABLED, and any later value Meta adds. */
  event: z.string(),
  /** Meta's `reason` (`NONE` when there is none). */
  reason: z.string(),
  /** When the platform received it. */
  at: z.number(),
});
export type TemplateStatusRecord = z.infer<typeof templateStatusRecordSchema>;
