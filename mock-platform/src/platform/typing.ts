import { isWindowOpen } from '../../../shared/customer-window.ts';
import type { PlatformContext } from './context.ts';
import { DomainError } from './domain-errors.ts';
import { workableConversation } from './participants.ts';
import type { User } from './records.ts';

/**
 * The typing indicator (issue 16): while an agent types, the customer's phone shows "typing…".
 * WhatsApp shows it for up to 25 seconds or until the reply arrives, so one call per conversation
 * every {@link TYPING_INTERVAL_MS} is enough however fast the agents type; a reply sent ends it,
 * and the next keystroke may show it again at once.
 */
export const TYPING_INTERVAL_MS = 20_000;

/** Per context: when each conversation last had the indicator sent. */
const lastSent = new WeakMap<PlatformContext, Map<string, number>>();

function sentTimes(ctx: PlatformContext): Map<string, number> {
  let times = lastSent.get(ctx);
  if (!times) {
    times = new Map();
    lastSent.set(ctx, times);
  }
  return times;
}

/**
 * Sends the typing indicator for the customer's latest message, unless one went out less than
 * {@link TYPING_INTERVAL_MS} ago. Needs Reply and the open 24-hour window, like the reply it announces.
 * Resolves with whether WhatsApp was called; a refusal is the Cloud API's (502).
 */
export async function sendTyping(
  ctx: PlatformContext,
  agent: User,
  conversationId: string,
): Promise<{ sent: boolean }> {
  const conversation = workableConversation(ctx, agent, conversationId, 'reply');
  const now = ctx.clock.now();
  if (!isWindowOpen(conversation.lastInboundAt, now)) {
    throw new DomainError('conflict', 'window_closed', 'More than 24 hours have passed since the customer last wrote');
  }
  const times = sentTimes(ctx);
  const previous = times.get(conversation.id);
  if (previous !== undefined && now - previous < TYPING_INTERVAL_MS) return { sent: false };
  const latest = ctx.store
    .where('messages', 'conversationId', conversation.id)
    .filter((message) => message.direction === 'inbound')
    .sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0) || b.timestamp - a.timestamp)[0];
  const channel = ctx.store.get('channels', conversation.channelId);
  if (!latest || !channel) return { sent: false };
  times.set(conversation.id, now);
  // Entries past the interval decide nothing: drop them so the map does not grow with every conversation.
  if (times.size > 500) for (const [id, at] of times) if (now - at >= TYPING_INTERVAL_MS) times.delete(id);
  try {
    await ctx.graph.sendTypingIndicator(channel.phoneNumberId, latest.id);
  } catch (error) {
    // Not sent: the next keystroke may try again.
    times.delete(conversation.id);
    throw new DomainError(
      'upstream',
      'whatsapp_refused',
      `WhatsApp did not show the typing indicator: ${(error as Error).message}`,
    );
  }
  return { sent: true };
}

/** A reply went out: WhatsApp has hidden the indicator, so the next keystroke shows it again. */
export function forgetTyping(ctx: PlatformContext, conversationId: string): void {
  lastSent.get(ctx)?.delete(conversationId);
}
