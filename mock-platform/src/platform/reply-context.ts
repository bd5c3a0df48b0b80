import type { MessageView } from '../../../shared/api/schemas.ts';
import { isExchanged } from '../../../shared/messages/exchanged.ts';
import type { Store } from '../store/store.ts';
import { invalidField } from './domain-errors.ts';
import type { Masker } from './masking.ts';
import type { Conversation, Message, PlatformSchema } from './records.ts';

/**
 * Replies to a specific message (WhatsApp's `context`): the agent quotes a customer's message,
 * or the customer answers one of the business's. The platform keeps the quoted message's own id
 * (`replyToId`); WhatsApp knows it by its wamid.
 */

/** WhatsApp's id of a stored message: an inbound message's id is its wamid; a reply has `wamid` once sent. */
export function wamidOf(message: Message): string | undefined {
  return message.direction === 'inbound' ? message.id : message.wamid;
}

/**
 * The message of `conversation` an agent's reply quotes: it must be one WhatsApp knows (a
 * customer's message, or a reply that was sent), else a 400 naming `replyToMessageId`.
 */
export function quotedMessage(
  store: Store<PlatformSchema>,
  conversation: Conversation,
  messageId: string,
): { replyToId: string; wamid: string } {
  const message = store.get('messages', messageId);
  const wamid = message && message.conversationId === conversation.id ? wamidOf(message) : undefined;
  if (!message || !wamid) {
    throw invalidField('replyToMessageId', `${messageId} is not a message of this conversation WhatsApp delivered`);
  }
  return { replyToId: message.id, wamid };
}

/** The stored id of the message a customer's message answers (`context.id`, a wamid), when it is in the conversation. */
export function answeredMessageId(
  store: Store<PlatformSchema>,
  conversationId: string,
  contextId: string | undefined,
): string | undefined {
  if (!contextId) return undefined;
  const found = store.get('messages', contextId) ?? store.where('messages', 'wamid', contextId)[0];
  return found && found.conversationId === conversationId ? found.id : undefined;
}

/** What a transcript shows of the quoted message (masked like every other text). */
export function quoteView(
  store: Store<PlatformSchema>,
  message: Message,
  mask: Masker,
): MessageView['replyTo'] | undefined {
  if (!message.replyToId) return undefined;
  const quoted = store.get('messages', message.replyToId);
  if (!quoted || !isExchanged(quoted)) return undefined;
  return {
    id: quoted.id,
    direction: quoted.direction,
    text: mask.text(quoted.text),
    ...(quoted.media ? { media: true } : {}),
  };
}
