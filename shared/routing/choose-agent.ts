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
