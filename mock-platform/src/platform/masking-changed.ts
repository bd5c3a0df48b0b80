import { pendingOffers } from './agents.ts';
import { agentTopic, type PlatformContext } from './context.ts';
import { activeConversations } from './participants.ts';
import { pendingWrapUps } from './transfers.ts';
import { conversationView, offerView } from './views.ts';

/**
 * Masking was turned on or off (AG-6): every user's open panel gets `masking.changed` (it
 * reloads the transcript it shows) followed by what the stream sends on connect, in the new
 * form: pending offers, active conversations and pending wrap-ups. So what is already on screen
 * is shown again masked (or in clear) at once, without a reload.
 */
export function announceMaskingChange(ctx: PlatformContext, maskSensitiveData: boolean): void {
  for (const user of ctx.store.all('users')) {
    const topic = agentTopic(user.id);
    ctx.events.publish(topic, 'masking.changed', { maskSensitiveData });
    for (const offer of pendingOffers(ctx, user)) {
      const conversation = ctx.store.get('conversations', offer.conversationId);
      if (conversation) ctx.events.publish(topic, 'offer', offerView(ctx, offer, conversation));
    }
    for (const conversation of activeConversations(ctx, user.id)) {
      ctx.events.publish(topic, 'conversation.updated', conversationView(ctx, conversation, user.id));
    }
    for (const wrapUp of pendingWrapUps(ctx, user)) ctx.events.publish(topic, 'wrapup', wrapUp);
  }
}
