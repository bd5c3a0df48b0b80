import type { WrapUpView } from '../../../shared/api/schemas.ts';
import { agentStatus } from './agent-status.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { type PlatformSchema, put } from './records.ts';

/** Seconds of after-contact work when the skill sets none. */
export const DEFAULT_WRAP_UP_SECONDS = 120;

type WrapUp = PlatformSchema['wrapUps'];

/** The wrap-ups the agent still owes: while there is one she is in after-contact work (no offers). */
export function owedWrapUps(ctx: PlatformContext, agentId: string): WrapUp[] {
  return ctx.store.where('wrapUps', 'agentId', agentId).filter((wrapUp) => wrapUp.status === 'pending');
}

/** When a wrap-up owed from now for a conversation of this skill runs out (the skill's wrap-up time). */
export function wrapUpDueAt(ctx: PlatformContext, skillId: string | undefined, now: number): number {
  const skill = skillId ? ctx.store.get('skills', skillId) : undefined;
  return now + (skill?.wrapUpSeconds ?? DEFAULT_WRAP_UP_SECONDS) * 1000;
}

/** The closure reason a timed-out wrap-up is submitted with: the skill's default, else the first by name. */
function defaultClosureReason(ctx: PlatformContext, wrapUp: WrapUp): string | undefined {
  const skillId = wrapUp.skillId ?? ctx.store.get('conversations', wrapUp.conversationId)?.skillId;
  const skill = skillId ? ctx.store.get('skills', skillId) : undefined;
  if (skill?.defaultClosureReasonId && ctx.store.get('closureReasons', skill.defaultClosureReasonId)) {
    return skill.defaultClosureReasonId;
  }
  return ctx.store.all('closureReasons').sort((a, b) => a.name.localeCompare(b.name))[0]?.id;
}

/**
 * The agent now owes a wrap-up: her panel gets it and sees her state turn to after-contact work.
 * Call after the commit that stored it.
 */
export function announceWrapUp(ctx: PlatformContext, agentId: string, view: WrapUpView): void {
  const topic = agentTopic(agentId);
  ctx.events.publish(topic, 'wrapup', view);
  ctx.events.publish(topic, 'agent.state', agentStatus(ctx, { id: agentId }));
}

/** A wrap-up was submitted: it leaves her panel, and her state follows (Available again when it was the last). */
export function announceWrapUpDone(ctx: PlatformContext, agentId: string, wrapUpId: string): void {
  const topic = agentTopic(agentId);
  ctx.events.publish(topic, 'wrapup.done', { wrapUpId });
  ctx.events.publish(topic, 'agent.state', agentStatus(ctx, { id: agentId }));
}

/**
 * Wrap-ups whose time has run out are submitted with the skill's default closure reason, so the
 * agent leaves after-contact work. Runs in the sweep inside a mutation (`mutate`); the sweep's dispatch
 * then routes to her again.
 */
export async function applyWrapUpTimeouts(ctx: PlatformContext): Promise<void> {
  const now = ctx.clock.now();
  for (const wrapUp of ctx.store.where('wrapUps', 'status', 'pending')) {
    if (wrapUp.dueAt === undefined || now < wrapUp.dueAt) continue;
    const closureReasonId = defaultClosureReason(ctx, wrapUp);
    await ctx.store.commit([
      put('wrapUps', {
        ...wrapUp,
        status: 'done',
        doneAt: now,
        automatic: true,
        ...(closureReasonId ? { closureReasonId } : {}),
      }),
    ]);
    announceWrapUpDone(ctx, wrapUp.agentId, wrapUp.id);
  }
}
