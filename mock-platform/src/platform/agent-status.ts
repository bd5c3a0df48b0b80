import type { AgentStatus } from '../../../shared/api/schemas.ts';
import type { PlatformContext } from './context.ts';
import type { User } from './records.ts';
import { reasonView } from './unavailable-reasons.ts';

/** The agent's state as she and the API see it: state, since when, and why when Unavailable. */
export function agentStatus(ctx: PlatformContext, agent: Pick<User, 'id'>): AgentStatus {
  const status = ctx.store.get('agentStatus', agent.id);
  if (!status) return { state: 'unavailable', since: 0 };
  const reason = status.state === 'unavailable' && status.reasonId ? reasonView(ctx, status.reasonId) : undefined;
  return { state: status.state, since: status.since, ...(reason ? { reason } : {}) };
}
