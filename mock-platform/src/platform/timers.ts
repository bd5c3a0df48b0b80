import { customerResponseDeadline, offerExpiresAt } from '../../../shared/routing/timers.ts';
import type { WriteOp } from '../store/store.ts';
import { announceWrapUp, applyWrapUpTimeouts } from './after-contact-work.ts';
import { withdrawInvitation } from './conference.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { applyDisconnections } from './disconnections.ts';
import { mutate } from './mutation.ts';
import { pendingWrapUp, systemMessage } from './new-records.ts';
import { publishToParticipants } from './participants.ts';
import { applyQueueTimeouts, sendAutoMessage } from './queue-timeout.ts';
import { retryRateLimited } from './rate-limit-retry.ts';
import { type PlatformSchema, put } from './records.ts';
import { abandonedTransferNotice } from './transfer-notices.ts';
import { conversationView, messageView, wrapUpView } from './views.ts';

/**
 * Applies every timer that is due at the clock's current time, from stored state only (so it
 * survives restarts and tests drive it by moving the clock):
 * - an agent whose event streams have been gone for the grace period becomes Unavailable
 *   ("disconnected") and her pending offers go back to the queue without RONA;
 * - a wrap-up whose after-contact work time (its skill's) has run out is submitted with the
 *   skill's default closure reason, and its agent is routed to again;
 * - an offer not accepted within its skill's agent response time expires, its agent goes to RONA
 *   and the conversation is routed again;
 * - a conversation whose customer has not answered within the skill's customer response time is
 *   unassigned (ended, with a system message);
 * - a conversation that has waited its skill's queue time-out overflows and/or gets the
 *   automatic message (sent after the write queue is released: a Graph call takes time);
 * - a reply refused for a rate limit whose wait is over is sent again, once.
 */
export async function sweep(ctx: PlatformContext): Promise<void> {
  const autoMessages = await mutate(ctx, async (ctx) => {
    const now = ctx.clock.now();
    await applyDisconnections(ctx);
    for (const offer of ctx.store.where('offers', 'status', 'pending')) {
      const conversation = ctx.store.get('conversations', offer.conversationId);
      const skill = conversation ? ctx.store.get('skills', conversation.skillId) : undefined;
      if (now < offerExpiresAt(offer.offeredAt, skill?.agentResponseSeconds)) continue;
      const withdrawal = withdrawInvitation(ctx, offer);
      const ops: WriteOp<PlatformSchema>[] = [
        ...withdrawal.ops,
        put('offers', { ...offer, status: 'expired', answeredAt: now }),
        put('agentStatus', {
          ...(ctx.store.get('agentStatus', offer.agentId) ?? { id: offer.agentId }),
          state: 'rona',
          since: now,
        }),
      ];
      if (conversation?.offerId === offer.id) {
        const { offerId: _offer, ...rest } = conversation;
        ops.push(
          put('conversations', { ...rest, status: 'queued' }),
          ...abandonedTransferNotice(ctx, offer, conversation),
        );
      }
      await ctx.store.commit(ops);
      const topic = agentTopic(offer.agentId);
      ctx.events.publish(topic, 'offer.revoked', { offerId: offer.id });
      ctx.events.publish(topic, 'agent.state', { state: 'rona', since: now });
      withdrawal.after();
    }

    for (const conversation of ctx.store.where('conversations', 'status', 'active')) {
      const skill = ctx.store.get('skills', conversation.skillId);
      const deadline = customerResponseDeadline(conversation.awaitingCustomerSince, skill?.customerResponseMinutes);
      if (deadline === undefined || now < deadline) continue;
      const { conference: _conference, ...withoutConference } = conversation;
      const ended = {
        ...withoutConference,
        status: 'ended' as const,
        endedAt: now,
        endedBy: 'customer_timeout' as const,
      };
      const notice = systemMessage(
        ctx,
        conversation.id,
        'The customer did not reply in time: the conversation was unassigned.',
      );
      // A conference guest's part ends too: they owe a wrap-up.
      const guestId = conversation.conference?.state === 'active' ? conversation.conference.agentId : undefined;
      const guestWrapUp = guestId ? pendingWrapUp(ctx, conversation.id, guestId, 'conference') : undefined;
      await ctx.store.commit([
        put('conversations', ended),
        put('messages', notice),
        ...(guestWrapUp ? [put('wrapUps', guestWrapUp)] : []),
      ]);
      // Everyone on it (a conference guest too) sees it leave their desk.
      publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, notice));
      publishToParticipants(ctx, conversation, 'conversation.updated', (viewer) =>
        conversationView(ctx, ended, viewer),
      );
      if (guestWrapUp) announceWrapUp(ctx, guestWrapUp.agentId, wrapUpView(ctx, guestWrapUp));
    }
    await applyWrapUpTimeouts(ctx);
    return applyQueueTimeouts(ctx);
  });
  // Always a pass, even when nothing above changed: a rejection cooldown may have ended. The sweep
  // resolves once it has run, so after a sweep nobody waits while an eligible agent has room.
  await ctx.routing.request();
  for (const due of autoMessages) await sendAutoMessage(ctx, due);
  await retryRateLimited(ctx);
}
