import { z } from 'zod';
import { type Contact, conditionSchema, holds } from './script.ts';

/**
 * Routing queues (RT-3), the legacy path before routing scripts: each queue includes some
 * channels and filters their contacts with conditions; the first queue (by order) that includes
 * the contact's channel and whose conditions all hold gives the skill and priority.
 */
export const routingQueueBodySchema = z.object({
  name: z.string().min(1).max(100),
  skillId: z.string().min(1),
  priority: z.number().int().min(0).max(10),
  order: z.number().int().min(0).max(10_000),
  /** The "included channels" rule: the queue sees only these channels' contacts. */
  includedChannels: z.array(z.string().min(1)).min(1, 'include at least one channel'),
  /** All must hold; none = every contact of the included channels. */
  conditions: z.array(conditionSchema).max(20),
});
export const routingQueueSchema = routingQueueBodySchema.extend({ id: z.string() });
export type RoutingQueue = z.infer<typeof routingQueueSchema>;

export function matchQueue(queues: readonly RoutingQueue[], contact: Contact): RoutingQueue | undefined {
  return [...queues]
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id))
    .find(
      (queue) =>
        queue.includedChannels.includes(contact.channelId) &&
        queue.conditions.every((condition) => holds(condition, contact)),
    );
}
