import { z } from 'zod';
import type { PlatformContext } from './context.ts';
import { put } from './records.ts';

/** The value of a `message_template_status_update` change, as Meta sends it. */
const statusUpdateSchema = z.looseObject({
  event: z.string().min(1).max(40),
  message_template_id: z.union([z.number(), z.string()]),
  message_template_name: z.string().max(512),
  message_template_language: z.string().max(20),
  reason: z.string().max(200).nullish(),
});

/**
 * Stores a template status change, inside the webhook's mutation; false when the value is not
 * one (the receiver then logs it as before). A retried webhook stores the same row again.
 */
export function storeTemplateStatus(ctx: PlatformContext, wabaId: string, value: unknown): boolean {
  const parsed = statusUpdateSchema.safeParse(value);
  if (!parsed.success) return false;
  const update = parsed.data;
  ctx.store.commit([
    put('templateStatuses', {
      id: String(update.message_template_id),
      wabaId,
      name: update.message_template_name,
      language: update.message_template_language,
      event: update.event,
      reason: update.reason ?? 'NONE',
      at: ctx.clock.now(),
    }),
  ]);
  return true;
}
