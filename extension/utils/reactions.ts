import type { MessageView } from '../../shared/api/schemas.ts';

/**
 * Reactions folded onto the messages they react to, as WhatsApp shows them: the latest reaction
 * to a message counts (an empty emoji takes it back). A reaction to a message not in the
 * transcript stays a line of its own.
 */
export function foldReactions(messages: readonly MessageView[]): {
  shown: MessageView[];
  reactions: Map<string, string>;
} {
  const ids = new Set(messages.map((message) => message.id));
  const reactions = new Map<string, string>();
  const shown: MessageView[] = [];
  for (const message of messages) {
    const target = message.reaction?.messageId;
    if (target === undefined || !ids.has(target)) {
      shown.push(message);
    } else if (message.reaction?.emoji) {
      reactions.set(target, message.reaction.emoji);
    } else {
      reactions.delete(target);
    }
  }
  return { shown, reactions };
}
