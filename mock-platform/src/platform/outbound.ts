import type { ConversationView } from '../../../shared/api/schemas.ts';
import { newId } from '../../../shared/ids.ts';
import { parsePhone } from '../../../shared/phone.ts';
import { formatPhone } from '../../../shared/phone-format.ts';
import type { PlatformContext } from './context.ts';
import { DomainError, invalidField, notFound } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { requirePermission } from './permissions.ts';
import { type Conversation, put, remove, type User } from './records.ts';
import { deliverTemplate } from './templates.ts';
import { conversationView } from './views.ts';

/**
 * An agent starts a WhatsApp conversation (BY-2): with an approved template, as WhatsApp requires
 * outside a service window (TP-4), on a channel where their role may send templates. Consent
 * (CH-6) is WhatsApp's to enforce: a customer who never wrote and did not opt in, or who opted
 * out, is refused with WhatsApp's reason and nothing is created.
 */
export async function startConversation(
  ctx: PlatformContext,
  agent: User,
  request: { channelId: string; to: string; template: { name: string; language: string; parameters: string[] } },
): Promise<ConversationView> {
  const channel = ctx.store.get('channels', request.channelId);
  if (!channel || channel.deletedAt !== undefined) throw notFound(`Channel ${request.channelId}`);
  const phone = parsePhone(request.to);
  if (!phone.ok) {
    throw invalidField('to', phone.reason);
  }
  const now = ctx.clock.now();
  const customer = ctx.store.get('customers', phone.waId);
  const draft: Conversation = {
    id: newId('conv'),
    channelId: channel.id,
    customerWaId: phone.waId,
    customerName: customer?.name ?? formatPhone(phone.e164),
    skillId: channel.defaultSkillId,
    status: 'active',
    priority: 0,
    createdAt: now,
    queuedAt: now,
    agentId: agent.id,
    firstResponseAt: now,
  };
  requirePermission(ctx.store, agent, draft, 'templates');
  // Decided under the lock: two agents writing to the same customer at once get one conversation.
  await mutate(ctx, (ctx) => {
    const open = ctx.store
      .where('conversations', 'customerWaId', phone.waId)
      .find((c) => c.channelId === channel.id && c.status !== 'ended');
    if (open) {
      throw new DomainError(
        'conflict',
        'conversation_exists',
        open.agentId === agent.id
          ? 'You already have a conversation with this customer on this channel: send the template there'
          : 'This customer already has an open conversation on this channel',
      );
    }
    return ctx.store.commit([put('conversations', draft)]);
  });
  try {
    await deliverTemplate(ctx, draft, request.template, agent.id);
  } catch (error) {
    // No answer from WhatsApp: the template may have reached the customer, so the conversation
    // stays, its template marked "may not have been sent" (outbox.ts).
    if (!(error instanceof DomainError && error.code === 'whatsapp_unreachable')) {
      // Refused (no consent, limit, bad template): the conversation never started.
      await mutate(ctx, (ctx) =>
        ctx.store.commit([
          ...ctx.store.where('messages', 'conversationId', draft.id).map((m) => remove('messages', m.id)),
          remove('conversations', draft.id),
        ]),
      );
      throw error;
    }
  }
  await mutate(ctx, async (ctx) => {
    const known = ctx.store.get('customers', phone.waId);
    await ctx.store.commit([
      put('customers', {
        ...known,
        id: phone.waId,
        name: known?.name ?? draft.customerName,
        firstSeenAt: known?.firstSeenAt ?? now,
        lastAgentId: agent.id,
        lastAgentByChannel: { ...known?.lastAgentByChannel, [channel.id]: agent.id },
      }),
    ]);
  });
  return conversationView(ctx, ctx.store.get('conversations', draft.id) ?? draft, agent.id);
}
