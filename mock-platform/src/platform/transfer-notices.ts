import type { WriteOp } from '../store/store.ts';
import type { PlatformContext } from './context.ts';
import { systemMessage } from './new-records.ts';
import { type Conversation, type Offer, type PlatformSchema, put } from './records.ts';

/**
 * A transfer offer that was rejected or not answered leaves a line in the transcript: whoever
 * takes the conversation next sees that it was handed over and not taken, and where it waits.
 */
export function abandonedTransferNotice(
  ctx: PlatformContext,
  offer: Offer,
  conversation: Conversation | undefined,
): WriteOp<PlatformSchema>[] {
  if (!conversation || offer.purpose === 'conference' || !offer.fromAgentId) return [];
  const from = ctx.store.get('users', offer.fromAgentId)?.displayName ?? '';
  const to = ctx.store.get('users', offer.agentId)?.displayName ?? '';
  const queue = ctx.store.get('skills', conversation.skillId)?.name ?? '';
  return [
    put(
      'messages',
      systemMessage(
        ctx,
        conversation.id,
        `${to} did not take the transfer from ${from}: it waits in the ${queue} queue`,
      ),
    ),
  ];
}
