import { notFound } from '../http/errors.ts';
import type { WriteOp } from '../store/store.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { systemMessage } from './new-records.ts';
import { publishToParticipants } from './participants.ts';
import { type PlatformSchema, put } from './records.ts';
import { conversationView, messageView } from './views.ts';

/**
 * An administrator deletes a WhatsApp channel (AG-4). Its active conversations are interrupted:
 * the agents see an alert, cannot reply any more and can only end them. Waiting and offered ones
 * end at once (nobody has started on them). The channel record stays, marked deleted, so history
 * still shows its number; new webhooks for it are ignored.
 */
export function deleteChannel(ctx: PlatformContext, channelId: string): Promise<void> {
  return ctx.serial.run(async () => {
    const channel = ctx.store.get('channels', channelId);
    if (!channel || channel.deletedAt !== undefined) throw notFound(`Channel ${channelId}`);
    const now = ctx.clock.now();
    const reason = `The WhatsApp channel ${channel.name} (${channel.phoneNumber}) was deleted by an administrator`;
    const ops: WriteOp<PlatformSchema>[] = [put('channels', { ...channel, deletedAt: now })];
    const after: (() => void)[] = [];

    for (const status of ['active', 'offered', 'queued'] as const) {
      for (const conversation of ctx.store.where('conversations', 'status', status)) {
        if (conversation.channelId !== channelId) continue;
        if (status === 'active') {
          // A pending conference invitation goes with it.
          const { conference, ...withoutConference } = conversation;
          const invitation =
            conference?.state === 'requested' ? ctx.store.get('offers', conference.offerId) : undefined;
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
    await ctx.store.commit(ops);
    for (const announce of after) announce();
  });
}
