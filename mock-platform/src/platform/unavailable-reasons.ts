import type { UnavailableReasonView } from '../../../shared/api/schemas.ts';
import { agentStatus } from './agent-status.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { invalidField } from './domain-errors.ts';

/** Reasons the platform sets on its own; agents cannot pick them, administrators cannot define them. */
export const SYSTEM_REASONS = {
  disconnected: { id: 'disconnected', name: 'Disconnected', nameEs: 'Desconectado', system: true },
  'signed-out': { id: 'signed-out', name: 'Signed out', nameEs: 'Sesión cerrada', system: true },
} as const satisfies Record<string, UnavailableReasonView>;
export type SystemReasonId = keyof typeof SYSTEM_REASONS;

export function isSystemReason(id: string): id is SystemReasonId {
  return Object.hasOwn(SYSTEM_REASONS, id);
}

/** The reason as agents see it; undefined when it is unknown (deleted since she picked it). */
export function reasonView(ctx: PlatformContext, id: string): UnavailableReasonView | undefined {
  if (isSystemReason(id)) return { ...SYSTEM_REASONS[id] };
  const reason = ctx.store.get('unavailableReasons', id);
  return reason ? { id: reason.id, name: reason.name, nameEs: reason.nameEs } : undefined;
}

/** The reasons an agent may pick, by English name. */
export function unavailableReasons(ctx: PlatformContext): UnavailableReasonView[] {
  return ctx.store
    .all('unavailableReasons')
    .map(({ id, name, nameEs }) => ({ id, name, nameEs }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** A reason the agent asked for must be one an administrator defined (400 naming the field). */
export function checkChosenReason(ctx: PlatformContext, reasonId: string | undefined, state: string): void {
  if (reasonId === undefined) return;
  const problem =
    state !== 'unavailable'
      ? 'only goes with the unavailable state'
      : ctx.store.get('unavailableReasons', reasonId)
        ? undefined
        : 'is not an unavailable reason';
  if (problem) throw invalidField('reasonId', `${reasonId} ${problem}`);
}

/** A reason was renamed or deleted: agents away for it see the change at once. */
export function announceReasonChange(ctx: PlatformContext, reasonId: string): void {
  for (const row of ctx.store.all('agentStatus')) {
    if (row.state !== 'unavailable' || row.reasonId !== reasonId) continue;
    ctx.events.publish(agentTopic(row.id), 'agent.state', agentStatus(ctx, row));
  }
}
