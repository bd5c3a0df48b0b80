import {
  appliesTo,
  type CannedResponseView,
  type CannedValues,
  fillCannedText,
  firstName,
} from '../../../shared/api/canned-responses.ts';
import { fromWaId } from '../../../shared/phone.ts';
import type { PlatformContext } from './context.ts';
import { maskerFor } from './masking.ts';
import { workableConversation } from './participants.ts';
import type { Conversation, User } from './records.ts';

/**
 * The canned responses an agent may insert in a conversation: those for all channels or for its
 * channel, with their variables filled on the server. Customer values go through the
 * conversation's masker, so with masking on the text carries only what the panel already shows.
 * Needs Reply on the channel, like sending the text would.
 */
export function cannedResponsesFor(ctx: PlatformContext, agent: User, conversationId: string): CannedResponseView[] {
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  const values = cannedValues(ctx, agent, conversation);
  return ctx.store
    .all('cannedResponses')
    .filter((response) => appliesTo(response, conversation.channelId))
    .sort((a, b) => a.shortcut.localeCompare(b.shortcut) || a.language.localeCompare(b.language))
    .map((response) => ({
      id: response.id,
      name: response.name,
      shortcut: response.shortcut,
      language: response.language,
      text: fillCannedText(response.text, values),
    }));
}

/** What each variable stands for in this conversation, as the agent may see it. */
export function cannedValues(ctx: PlatformContext, agent: User, conversation: Conversation): CannedValues {
  const mask = maskerFor(ctx.store, conversation);
  const customerName = mask.name(conversation.customerName);
  const channel = ctx.store.get('channels', conversation.channelId);
  return {
    'customer.name': customerName,
    'customer.firstName': firstName(customerName),
    'customer.number': mask.phone(fromWaId(conversation.customerWaId)),
    'agent.name': agent.displayName,
    'agent.firstName': firstName(agent.displayName),
    'channel.name': channel?.name ?? '',
  };
}
