import type { WriteOp } from '../store/store.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { notFound } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { systemMessage } from './new-records.ts';
import { publishToParticipants } from './participants.ts';
import { type Channel, type Conversation, type PlatformSchema, put, remove } from './records.ts';
import { conversationView, messageView } from './views.ts';

/**
 * Interrupts the live conversations that depend on a deleted resource (AG-4): active ones get an
 * alert, no more replies, and can only be ended; waiting and offered ones end at once (nobody has
 * started on them). Returns the writes and, to run once they are durable, the agents' events.
 */
export function interruptConversations(
  ctx: PlatformContext,
  dependsOn: (conversation: Conversation) => boolean,
  reason: string,
): { ops: WriteOp<PlatformSchema>[]; after: () => void } {
  const now = ctx.clock.now();
  const ops: WriteOp<PlatformSchema>[] = [];
  const after: (() => void)[] = [];
  for (const status of ['active', 'offered', 'queued'] as const) {
    for (const conversation of ctx.store.where('conversations', 'status', status)) {
      if (!dependsOn(conversation)) continue;
      if (status === 'active') {
        // A pending conference invitation goes with it.
        const { conference, ...withoutConference } = conversation;
        const invitation = conference?.state === 'requested' ? ctx.store.get('offers', conference.offerId) : undefined;
        if (invitation?.status === 'pending') {
          ops.push(put('offers', { ...invitation, status: 'revoked', answeredAt: now }));
          after.push(() =>
            ctx.events.publish(agentTopic(invitation.agentId), 'offer.revoked', { offerId: invitation.id }),
          );
        }
        const base = conference?.state === 'requested' ? withoutConference : conversation;
        const interrupted = { ...base, interrupted: { at: now, reason } };
        const notice = systemMessage(ctx, conversation.id, reason);
        ops.push(put('conversations', interrupted), put('messages', notice));
        after.push(() => {
          publishToParticipants(ctx, interrupted, 'message', () => messageView(ctx, notice));
          publishToParticipants(ctx, interrupted, 'conversation.updated', (viewer) =>
            conversationView(ctx, interrupted, viewer),
          );
        });
        continue;
      }
      const { offerId, ...rest } = conversation;
      ops.push(put('conversations', { ...rest, status: 'ended', endedAt: now, endedBy: 'interrupted' }));
      const offer = offerId ? ctx.store.get('offers', offerId) : undefined;
      if (offer?.status === 'pending') {
        ops.push(put('offers', { ...offer, status: 'revoked', answeredAt: now }));
        after.push(() => ctx.events.publish(agentTopic(offer.agentId), 'offer.revoked', { offerId: offer.id }));
      }
    }
  }
  return {
    ops,
    after: () => {
      for (const announce of after) announce();
    },
  };
}

/**
 * An administrator deletes a WhatsApp channel (AG-4): its conversations are interrupted. The
 * channel record stays, marked deleted, so history still shows its number; new webhooks for it
 * are ignored.
 */
export function deleteChannelOps(ctx: PlatformContext, channel: Channel) {
  const reason = `The WhatsApp channel ${channel.name} (${channel.phoneNumber}) was deleted by an administrator`;
  const { ops, after } = interruptConversations(ctx, (c) => c.channelId === channel.id, reason);
  return { ops: [put('channels', { ...channel, deletedAt: ctx.clock.now() }), ...ops], after };
}

/** The same for a skill (a queue): its conversations are interrupted and the skill removed. */
export function deleteSkillOps(ctx: PlatformContext, skill: PlatformSchema['skills']) {
  const reason = `The queue ${skill.name} was deleted by an administrator`;
  const { ops, after } = interruptConversations(ctx, (c) => c.skillId === skill.id, reason);
  return { ops: [remove('skills', skill.id), ...ops], after };
}

/** Deletes a channel now (tests and the channel route). */
export function deleteChannel(ctx: PlatformContext, channelId: string): Promise<void> {
  return mutate(ctx, async (ctx) => {
    const channel = ctx.store.get('channels', channelId);
    if (!channel || channel.deletedAt !== undefined) throw notFound(`Channel ${channelId}`);
    const { ops, after } = deleteChannelOps(ctx, channel);
    await ctx.store.commit(ops);
    after();
  });
}
