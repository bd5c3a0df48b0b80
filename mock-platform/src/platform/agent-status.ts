import type { AgentStatus } from '../../../shared/api/schemas.ts';
import { owedWrapUps } from './after-contact-work.ts';
import type { PlatformContext } from './context.ts';
import type { User } from './records.ts';
import { reasonView } from './unavailable-reasons.ts';

/**
 * The agent's state as she and the API see it: state, since when, why when Unavailable, and
 * after-contact work (derived from the wrap-ups she owes, with when it runs out).
 */
export function agentStatus(ctx: PlatformContext, agent: Pick<User, 'id'>): AgentStatus {
  const status = ctx.store.get('agentStatus', agent.id);
  if (!status) return { state: 'unavailable', since: 0 };
  if (status.state === 'available') {
    // After-contact work: Available, but owing a wrap-up, so not offered anything until it is done.
    const owed = owedWrapUps(ctx, agent.id);
    if (owed.length > 0) {
      const since = Math.min(...owed.map((wrapUp) => wrapUp.createdAt));
      const dues = owed.flatMap((wrapUp) => (wrapUp.dueAt === undefined ? [] : [wrapUp.dueAt]));
      return { state: 'acw', since, ...(dues.length === owed.length ? { until: Math.max(...dues) } : {}) };
    }
  }
  const reason = status.state === 'unavailable' && status.reasonId ? reasonView(ctx, status.reasonId) : undefined;
  return { state: status.state, since: status.since, ...(reason ? { reason } : {}) };
}
