import { z } from 'zod';
import type { PlatformContext } from './context.ts';
import type { Conversation } from './records.ts';

export const serviceLevelRowSchema = z.object({
  skillId: z.string(),
  skill: z.string(),
  /** The skill's campaign, as the administrator typed it. */
  campaign: z.string().optional(),
  /** The skill's target: this share of its conversations answered within `thresholdSeconds`. */
  targetPercent: z.number().optional(),
  thresholdSeconds: z.number().optional(),
  /** Conversations of the skill started in the period. */
  offered: z.number(),
  /** Of those, the ones that count: answered, or unanswered for longer than the threshold. */
  counted: z.number(),
  /** Answered (first agent reply) within the threshold of entering the skill's queue. */
  answeredWithin: z.number(),
  /** answeredWithin / counted, rounded to a whole percent; absent when nothing counts yet or no target. */
  percentWithin: z.number().optional(),
  /** Whether the skill met its target in the period; absent without a target or without counted conversations. */
  met: z.boolean().optional(),
});
export type ServiceLevelRow = z.infer<typeof serviceLevelRowSchema>;

/**
 * Each skill's service level (RT-6) over the given conversations: the share answered within the
 * skill's threshold, from when they entered its queue to the agent's first reply. A conversation
 * still waiting, and not yet past the threshold, does not count yet (it may still be answered in
 * time). Skills without a target show their counts with no percentage.
 */
export function serviceLevelRows(ctx: PlatformContext, conversations: readonly Conversation[]): ServiceLevelRow[] {
  const now = ctx.clock.now();
  const rows = new Map<string, ServiceLevelRow>();
  for (const conversation of conversations) {
    const skill = ctx.store.get('skills', conversation.skillId);
    let row = rows.get(conversation.skillId);
    if (!row) {
      row = {
        skillId: conversation.skillId,
        skill: skill?.name ?? conversation.skillId,
        ...(skill?.campaign ? { campaign: skill.campaign } : {}),
        ...(skill?.serviceLevel ? skill.serviceLevel : {}),
        offered: 0,
        counted: 0,
        answeredWithin: 0,
      };
      rows.set(conversation.skillId, row);
    }
    row.offered++;
    const threshold = (skill?.serviceLevel?.thresholdSeconds ?? Number.POSITIVE_INFINITY) * 1000;
    const entered = conversation.skillQueuedAt ?? conversation.queuedAt;
    const answered = conversation.firstResponseAt;
    if (answered !== undefined) {
      row.counted++;
      if (answered - entered <= threshold) row.answeredWithin++;
    } else if (now - entered > threshold || conversation.status === 'ended') {
      row.counted++;
    }
  }
  return [...rows.values()]
    .map((row) => {
      if (row.targetPercent === undefined || row.counted === 0) return row;
      const percentWithin = Math.round((row.answeredWithin / row.counted) * 100);
      return { ...row, percentWithin, met: (row.answeredWithin / row.counted) * 100 >= row.targetPercent };
    })
    .sort((a, b) => a.skill.localeCompare(b.skill));
}
