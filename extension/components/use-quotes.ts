import { useState } from 'preact/hooks';
import type { MessageView } from '../../shared/api/schemas.ts';

type Deliver = (conversationId: string, text: string, replyToMessageId?: string) => Promise<boolean> | undefined;

/**
 * The message each conversation's reply will quote (WhatsApp's `context`), chosen with "Reply"
 * on a customer's message. Per conversation, like the drafts: switching away and back keeps it.
 * It goes with the next send from that box and is cleared once that send is done.
 */
export function useQuotes() {
  const [quotes, setQuotes] = useState<Record<string, MessageView>>({});
  const set = (conversationId: string, message: MessageView | undefined, unless?: string) =>
    setQuotes((all) => {
      if (unless !== undefined && all[conversationId]?.id !== unless) return all;
      const { [conversationId]: _, ...rest } = all;
      return message ? { ...rest, [conversationId]: message } : rest;
    });
  return {
    of: (conversationId: string): MessageView | undefined => quotes[conversationId],
    set,
    /** Sends `text` from `conversationId`'s box with its quote; the quote stays if the send fails. */
    async send(conversationId: string, text: string, deliver: Deliver) {
      const quoted = quotes[conversationId];
      const sent = await deliver(conversationId, text, quoted?.id);
      if (quoted && sent !== false) set(conversationId, undefined, quoted.id);
    },
  };
}
