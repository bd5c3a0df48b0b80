import type { MessageView } from '../../../shared/api/schemas.ts';
import { newId } from '../../../shared/ids.ts';
import type { PlatformContext } from './context.ts';
import { DomainError } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { agentConversation, publishToParticipants } from './participants.ts';
import { type Message, put, type User } from './records.ts';
import { messageView } from './views.ts';

/**
 * An agent's private note in a conversation (issue 16, item 3): the owner and the joined
 * conference guest write and read them. A note is a transcript line with direction `note`: it is
 * never sent to WhatsApp, and it changes none of the conversation's clocks (24-hour window, SLA,
 * customer timer), because it is neither the customer's message nor an answer to them.
 */
export function addNote(ctx: PlatformContext, agent: User, conversationId: string, text: string): Promise<MessageView> {
  return mutate(ctx, async (ctx) => {
    const conversation = agentConversation(ctx, agent, conversationId);
    if (conversation.status !== 'active') {
      throw new DomainError(
        'conflict',
        'conversation_not_active',
        `Conversation ${conversationId} is ${conversation.status}`,
      );
    }
    const note: Message = {
      id: newId('note'),
      conversationId,
      direction: 'note',
      type: 'note',
      text,
      timestamp: ctx.clock.now(),
      seq: ctx.messageSeq.next(),
      agentId: agent.id,
    };
    await ctx.store.commit([put('messages', note)]);
    publishToParticipants(ctx, conversation, 'message', () => messageView(ctx, note));
    return messageView(ctx, note);
  });
}
