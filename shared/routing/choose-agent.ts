import { z } from 'zod';

/** What routing needs to know of an agent who could take a conversation. */
export interface RoutingCandidate {
  agentId: string;
  /** Skill proficiency for the conversation's skill, 1 (lowest) to 10. */
  proficiency: number;
  /** Conversations held or offered now. */
  load: number;
  capacity: number;
  /** When the agent last received a conversation (or became available): older wins ties. */
  idleSince: number;
}

/**
 * Skill-proficiency routing: among agents with room, the highest proficiency wins; ties go to
 * the agent idle longest, then to the lowest id so the choice is deterministic.
 */
export function chooseAgent(candidates: readonly RoutingCandidate[]): string | undefined {
  let best: RoutingCandidate | undefined;
  for (const candidate of candidates) {
    if (candidate.load >= candidate.capacity) continue;
    if (!best || better(candidate, best)) best = candidate;
  }
  return best?.agentId;
}

function better(a: RoutingCandidate, b: RoutingCandidate): boolean {
  if (a.proficiency !== b.proficiency) return a.proficiency > b.proficiency;
  if (a.idleSince !== b.idleSince) return a.idleSince < b.idleSince;
  return a.agentId < b.agentId;
}

/** A skill's evaluation criteria (RT-5). */
export const evaluationSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('proficiency') }),
  z.object({
    mode: z.literal('preferred'),
    /** by case: the agent who last handled the customer on this channel; by customer: on any. */
    focus: z.enum(['case', 'customer']),
    /** offline: wait up to the reservation time for the preferred agent; available: never wait. */
    lock: z.enum(['offline', 'available']),
    reservationMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60),
  }),
]);
export type Evaluation = z.infer<typeof evaluationSchema>;

export type RoutingDecision =
  | { kind: 'offer'; agentId: string; reason: 'preferred' | 'proficiency' }
  | { kind: 'wait'; reason: 'reserved' | 'nobody' };

/**
 * Who gets a waiting conversation. The preferred agent when they can take it; with the
 * "when offline" lock, nobody else until the reservation time has passed since the contact
 * started waiting; otherwise (and with no history) by proficiency.
 */
export function decideRouting({
  candidates,
  evaluation,
  preferredAgentId,
  waitingSince,
  now,
}: {
  candidates: readonly RoutingCandidate[];
  evaluation: Evaluation;
  preferredAgentId: string | undefined;
  waitingSince: number;
  now: number;
}): RoutingDecision {
  if (evaluation.mode === 'preferred' && preferredAgentId) {
    const preferred = candidates.find((c) => c.agentId === preferredAgentId && c.load < c.capacity);
    if (preferred) return { kind: 'offer', agentId: preferred.agentId, reason: 'preferred' };
    if (evaluation.lock === 'offline' && now < waitingSince + evaluation.reservationMinutes * 60_000) {
      return { kind: 'wait', reason: 'reserved' };
    }
  }
  const agentId = chooseAgent(candidates);
  return agentId ? { kind: 'offer', agentId, reason: 'proficiency' } : { kind: 'wait', reason: 'nobody' };
}
