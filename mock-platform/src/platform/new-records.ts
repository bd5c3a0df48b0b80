import { newId } from '../../../shared/ids.ts';
import { wrapUpDueAt } from './after-contact-work.ts';
import type { PlatformContext } from './context.ts';
import type { PlatformSchema } from './records.ts';

/** A system message in a transcript ("X joined", "transferred", "interrupted"), in creation order. */
export function systemMessage(ctx: PlatformContext, conversationId: string, text: string): PlatformSchema['messages'] {
  return {
    id: newId('sys'),
    conversationId,
    direction: 'system',
    type: 'system',
    text,
    timestamp: ctx.clock.now(),
    seq: ctx.messageSeq.next(),
  };
}

/**
 * A conversation offered to an agent at `now`, waiting for Accept or Reject. `from` says who handed
 * it over (a transfer, a conference invitation, a supervisor's reassignment).
 */
export function pendingOffer(
  conversationId: string,
  agentId: string,
  now: number,
  from: Pick<PlatformSchema['offers'], 'fromAgentId' | 'purpose'> = {},
): PlatformSchema['offers'] {
  return { id: newId('offer'), conversationId, agentId, status: 'pending', offeredAt: now, ...from };
}

/** A wrap-up an agent now owes for their part in a conversation (transfer, leaving a conference). */
export function pendingWrapUp(
  ctx: PlatformContext,
  conversationId: string,
  agentId: string,
  reason: 'transfer' | 'conference',
): PlatformSchema['wrapUps'] {
  const now = ctx.clock.now();
  const skillId = ctx.store.get('conversations', conversationId)?.skillId;
  return {
    id: newId('wrap'),
    conversationId,
    agentId,
    reason,
    status: 'pending',
    createdAt: now,
    ...(skillId ? { skillId } : {}),
    dueAt: wrapUpDueAt(ctx, skillId, now),
  };
}
