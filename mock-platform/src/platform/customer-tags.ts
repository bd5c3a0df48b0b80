import type { CustomerView } from '../../../shared/api/customer-context.ts';
import { MAX_CUSTOMER_TAGS, withoutTag, withTag } from '../../../shared/customers/tags.ts';
import { detectSensitive } from '../../../shared/masking/index.ts';
import { fromWaId, parsePhone } from '../../../shared/phone.ts';
import type { PlatformContext } from './context.ts';
import { customerView } from './customer-context.ts';
import { DomainError, invalidField, notFound } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { agentConversation, publishToParticipants } from './participants.ts';
import { put, type User } from './records.ts';

/**
 * Adds or removes a tag on the customer of one of the agent's active conversations (owner or
 * joined guest): only an agent serving the customer now may change how they are labelled.
 */
export function changeTag(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  tag: string,
  change: 'add' | 'remove',
): Promise<CustomerView> {
  return mutate(ctx, async (ctx) => {
    const conversation = agentConversation(ctx, agent, conversationId);
    if (conversation.status !== 'active') {
      throw new DomainError(
        'conflict',
        'conversation_not_active',
        `Conversation ${conversationId} is ${conversation.status}`,
      );
    }
    const customer = ctx.store.get('customers', conversation.customerWaId);
    if (!customer) throw notFound(`The customer of conversation ${conversationId}`);
    const current = customer.tags ?? [];
    if (change === 'add') checkNotPersonal(tag, conversation.customerWaId);
    const tags = change === 'add' ? withTag(current, tag) : withoutTag(current, tag);
    if (tags.length > MAX_CUSTOMER_TAGS) {
      throw invalidField('tag', `a customer has at most ${MAX_CUSTOMER_TAGS} tags: remove one first`);
    }
    if (tags.length !== current.length) {
      await ctx.store.commit([put('customers', { ...customer, tags })]);
      // The other participant (conference host or guest) sees the change in her open customer view.
      publishToParticipants(ctx, conversation, 'customer.tags', () => ({ conversationId, tags }));
    }
    return customerView(ctx, agent, conversationId);
  });
}

/**
 * Tags are shown as they are, masking or not: one that holds what masking would hide (a phone
 * or card number, an email) is refused rather than stored.
 */
function checkNotPersonal(tag: string, customerWaId: string): void {
  const parsed = parsePhone(fromWaId(customerWaId));
  const regions = parsed.ok && parsed.country ? [parsed.country] : [];
  if (detectSensitive(tag, { regions }).length > 0) {
    throw invalidField('tag', 'tag must not hold a phone number, card number, email or other personal data');
  }
}
