import type { MessageView, TemplateView } from '../../../shared/api/schemas.ts';
import { fillTemplate, placeholderCount } from '../../../shared/whatsapp/send-schema.ts';
import type { GraphTemplate } from '../whatsapp/graph-client.ts';
import type { PlatformContext } from './context.ts';
import { DomainError, notFound } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { sendThroughOutbox } from './outbox.ts';
import { workableConversation } from './participants.ts';
import { requirePermission } from './permissions.ts';
import { type Conversation, type PlatformSchema, put, type User } from './records.ts';

function bodyOf(template: GraphTemplate): string {
  return template.components.find((component) => component.type === 'BODY')?.text ?? '';
}

async function accountTemplates(
  ctx: PlatformContext,
  conversation: Pick<Conversation, 'channelId'>,
): Promise<GraphTemplate[]> {
  const channel = ctx.store.get('channels', conversation.channelId);
  const account = channel ? ctx.store.get('accounts', channel.accountId) : undefined;
  if (!account) throw notFound(`The WhatsApp account of channel ${conversation.channelId}`);
  try {
    return await ctx.graph.listTemplates(account.wabaId);
  } catch {
    throw new DomainError('upstream', 'whatsapp_unreachable', 'The templates could not be loaded from WhatsApp');
  }
}

/** One WhatsApp Business account's template, with the account it belongs to. */
export type AccountTemplate = GraphTemplate & { account: PlatformSchema['accounts'] };

/**
 * The templates of every WhatsApp Business account the administrator connected, each with its
 * account (a tenant may connect several: the demo's and each one the signup created). If WhatsApp
 * cannot list one account's templates the whole answer is refused, naming that account: a list
 * silently missing an account would look complete.
 */
export async function everyAccountsTemplates(ctx: PlatformContext): Promise<AccountTemplate[]> {
  const lists = await Promise.all(
    ctx.store.all('accounts').map(async ({ id, name, wabaId }) => {
      try {
        return (await ctx.graph.listTemplates(wabaId)).map((template) => ({
          ...template,
          account: { id, name, wabaId },
        }));
      } catch {
        throw new DomainError(
          'upstream',
          'whatsapp_unreachable',
          `The templates of WhatsApp account ${name} (${wabaId}) could not be loaded from WhatsApp`,
        );
      }
    }),
  );
  return lists.flat();
}

/** The approved templates of the channel's WhatsApp Business account (TP-2), as agents see them. */
async function approvedTemplates(ctx: PlatformContext, channelId: string): Promise<TemplateView[]> {
  return (await accountTemplates(ctx, { channelId }))
    .filter((template) => template.status === 'APPROVED')
    .map((template) => ({
      name: template.name,
      language: template.language,
      category: template.category,
      body: bodyOf(template),
      variables: placeholderCount(bodyOf(template)),
    }));
}

/** The approved templates for one of the agent's conversations. */
export function templatesFor(ctx: PlatformContext, agent: User, conversationId: string): Promise<TemplateView[]> {
  const conversation = workableConversation(ctx, agent, conversationId, 'templates');
  return approvedTemplates(ctx, conversation.channelId);
}

/** The approved templates of a channel, for starting a conversation on it (BY-2). */
export function channelTemplates(ctx: PlatformContext, agent: User, channelId: string): Promise<TemplateView[]> {
  const channel = ctx.store.get('channels', channelId);
  if (!channel || channel.deletedAt !== undefined) throw notFound(`Channel ${channelId}`);
  requirePermission(ctx.store, agent, { channelId }, 'templates');
  return approvedTemplates(ctx, channelId);
}

/**
 * Sends an approved template in a conversation: allowed outside the 24-hour window, which is
 * what templates are for (CH-7, TP-4). Stored with its filled text, through the outbox.
 */
export async function sendTemplate(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
  request: { name: string; language: string; parameters: string[] },
): Promise<MessageView> {
  const conversation = workableConversation(ctx, agent, conversationId, 'templates');
  return deliverTemplate(ctx, conversation, request, agent.id);
}

/** Validates, sends and stores a template message in any conversation (the survey uses it too). */
export async function deliverTemplate(
  ctx: PlatformContext,
  conversation: Conversation,
  { name, language, parameters }: { name: string; language: string; parameters: string[] },
  agentId: string | undefined,
  extra: { automatic?: true } = {},
): Promise<MessageView> {
  const template = (await accountTemplates(ctx, conversation)).find((t) => t.name === name && t.language === language);
  if (template?.status !== 'APPROVED') {
    throw new DomainError('invalid', 'validation_failed', `name: ${name} (${language}) is not an approved template`, [
      { path: 'name', message: 'is not an approved template' },
    ]);
  }
  const expected = placeholderCount(bodyOf(template));
  if (parameters.length !== expected) {
    throw new DomainError(
      'invalid',
      'validation_failed',
      `parameters: ${name} needs ${expected} values, got ${parameters.length}`,
      [{ path: 'parameters', message: `needs ${expected} values` }],
    );
  }
  const channel = ctx.store.get('channels', conversation.channelId);
  if (!channel) throw notFound(`Channel ${conversation.channelId}`);
  // Recorded before WhatsApp hears of it, like every message the platform sends (outbox.ts).
  return sendThroughOutbox(ctx, conversation, agentId, {
    type: 'template',
    text: fillTemplate(bodyOf(template), parameters),
    noun: 'template',
    ...(extra.automatic ? { automatic: true as const } : {}),
    send: (callbackData) =>
      ctx.graph.sendTemplate(
        channel.phoneNumberId,
        conversation.customerWaId,
        name,
        language,
        parameters,
        callbackData,
      ),
  });
}

/**
 * Sends a template the platform chose itself (no agent): its `{{1}}`, if it has one, is the
 * customer's name. Throws the refusal as `deliverTemplate` does.
 */
export async function deliverTemplateToCustomer(
  ctx: PlatformContext,
  conversation: Conversation,
  { name, language }: { name: string; language: string },
  extra: { automatic?: true } = {},
): Promise<MessageView> {
  const templates = await accountTemplates(ctx, conversation);
  const template = templates.find((t) => t.name === name && t.language === language);
  const values = [conversation.customerName].slice(0, template ? placeholderCount(bodyOf(template)) : 0);
  return deliverTemplate(ctx, conversation, { name, language, parameters: values }, undefined, extra);
}

/**
 * After an agent ends a conversation, the channel's satisfaction survey goes to the customer
 * (TP-4): a template, so the 24-hour window does not matter. Its `{{1}}` is the customer's name.
 * Best effort: the end stands even if WhatsApp refuses the survey.
 */
export async function sendSurvey(ctx: PlatformContext, conversationId: string): Promise<void> {
  const conversation = ctx.store.get('conversations', conversationId);
  const survey = conversation ? ctx.store.get('channels', conversation.channelId)?.surveyTemplate : undefined;
  if (conversation?.status !== 'ended' || !survey) return;
  const sent = await deliverTemplateToCustomer(ctx, conversation, survey);
  // The customer's answer quotes WhatsApp's id of the survey (its `context`).
  const surveyWamid = ctx.store.get('messages', sent.id)?.wamid ?? sent.id;
  await mutate(ctx, async (ctx) => {
    const current = ctx.store.get('conversations', conversationId);
    if (current)
      await ctx.store.commit([
        put('conversations', { ...current, survey: { messageId: surveyWamid, sentAt: ctx.clock.now() } }),
      ]);
  });
}
