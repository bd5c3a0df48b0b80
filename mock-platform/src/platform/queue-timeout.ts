import { isWindowOpen } from '../../../shared/customer-window.ts';
import { GraphApiError, isUncertainGraphFailure } from '../whatsapp/graph-client.ts';
import type { PlatformContext } from './context.ts';
import { DomainError } from './domain-errors.ts';
import { mutate } from './mutation.ts';
import { systemMessage } from './new-records.ts';
import { sendThroughOutbox } from './outbox.ts';
import { type Conversation, put } from './records.ts';
import { deliverTemplateToCustomer } from './templates.ts';

/** An automatic message decided inside the write queue, sent after it (a Graph call takes time). */
export interface DueAutoMessage {
  conversationId: string;
  skillName: string;
  /** Free text inside the customer's 24-hour window; otherwise the approved template. */
  send: { kind: 'text'; text: string } | { kind: 'template'; name: string; language: string };
}

/** When a queued conversation's current skill's time-out is due, or undefined when it is off or spent. */
export function queueTimeoutDue(ctx: PlatformContext, conversation: Conversation): number | undefined {
  const skill = ctx.store.get('skills', conversation.skillId);
  if (!skill?.queueTimeoutSeconds || conversation.queueTimeouts?.includes(skill.id)) return undefined;
  return (conversation.skillQueuedAt ?? conversation.queuedAt) + skill.queueTimeoutSeconds * 1000;
}

/**
 * Applies every due queue time-out (inside the sweep's mutation): the conversation overflows to the
 * skill's secondary skill (waiting there from now, keeping its place by first arrival), and the
 * customer's automatic message is chosen — free text inside the 24-hour window, the approved
 * template outside it — to be sent once per conversation. Each skill's time-out acts once on a
 * conversation, so overflow chains (A → B → A) end. A system message records what happened.
 */
export async function applyQueueTimeouts(ctx: PlatformContext): Promise<DueAutoMessage[]> {
  const now = ctx.clock.now();
  const due: DueAutoMessage[] = [];
  for (const conversation of ctx.store.where('conversations', 'status', 'queued')) {
    const at = queueTimeoutDue(ctx, conversation);
    if (at === undefined || now < at) continue;
    const skill = ctx.store.get('skills', conversation.skillId);
    if (!skill) continue;
    const overflow = skill.secondarySkillId ? ctx.store.get('skills', skill.secondarySkillId) : undefined;
    const waited = Math.round((now - (conversation.skillQueuedAt ?? conversation.queuedAt)) / 1000);
    const windowOpen = isWindowOpen(conversation.lastInboundAt, now);
    const send: DueAutoMessage['send'] | undefined =
      conversation.autoMessageAt !== undefined
        ? undefined
        : windowOpen && skill.queueTimeoutMessage
          ? { kind: 'text', text: skill.queueTimeoutMessage }
          : !windowOpen && skill.queueTimeoutTemplate
            ? { kind: 'template', ...skill.queueTimeoutTemplate }
            : undefined;
    const notes = [`Waited ${formatWait(waited)} in the ${skill.name} queue (its time-out)`];
    if (overflow) notes.push(`moved to ${overflow.name}`);
    if (send) notes.push('an automatic message goes to the customer');
    else if (conversation.autoMessageAt === undefined && (skill.queueTimeoutMessage || skill.queueTimeoutTemplate))
      notes.push(
        windowOpen
          ? 'no automatic text is set for an open window'
          : 'the 24-hour window is closed and no template is set: no automatic message',
      );
    const updated: Conversation = {
      ...conversation,
      queueTimeouts: [...(conversation.queueTimeouts ?? []), skill.id],
      ...(overflow ? { skillId: overflow.id, skillQueuedAt: now } : {}),
      ...(send ? { autoMessageAt: now } : {}),
    };
    await ctx.store.commit([
      put('conversations', updated),
      put('messages', systemMessage(ctx, conversation.id, `${notes.join(': ')}.`)),
    ]);
    if (send) due.push({ conversationId: conversation.id, skillName: skill.name, send });
  }
  return due;
}

/**
 * Sends one automatic message (outside the write queue) through the outbox, recorded in the
 * transcript as an automatic outbound message before WhatsApp hears of it; a refusal or no answer
 * is also noted in a system message, never retried (it was due once).
 */
export async function sendAutoMessage(ctx: PlatformContext, due: DueAutoMessage): Promise<void> {
  const conversation = ctx.store.get('conversations', due.conversationId);
  const channel = conversation ? ctx.store.get('channels', conversation.channelId) : undefined;
  if (!conversation || !channel) return;
  try {
    if (due.send.kind === 'template') {
      await deliverTemplateToCustomer(ctx, conversation, due.send, { automatic: true });
      return;
    }
    const text = due.send.text;
    // Recorded before it is sent (outbox.ts): a stop mid-send leaves it "may not have been sent".
    await sendThroughOutbox(ctx, conversation, undefined, {
      type: 'text',
      text,
      automatic: true,
      send: (callbackData) => ctx.graph.sendText(channel.phoneNumberId, conversation.customerWaId, text, callbackData),
    });
  } catch (error) {
    const unreachable = !(error instanceof DomainError || error instanceof GraphApiError) || isUnreachable(error);
    const note = unreachable
      ? 'The automatic message may not have been sent: WhatsApp could not be reached'
      : `The automatic message was not sent: ${error.message}`;
    await mutate(ctx, (ctx) => ctx.store.commit([put('messages', systemMessage(ctx, conversation.id, note))]));
  }
}

function isUnreachable(error: DomainError | GraphApiError): boolean {
  return error instanceof DomainError ? error.code === 'whatsapp_unreachable' : isUncertainGraphFailure(error);
}

/** "45 s", "2 min 5 s", "24 h", "1 h 30 min": what an agent reads in the transcript. */
export function formatWait(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  const parts = [hours ? `${hours} h` : '', minutes ? `${minutes} min` : '', rest || seconds === 0 ? `${rest} s` : ''];
  return parts.filter(Boolean).join(' ');
}
