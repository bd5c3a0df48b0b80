import type { ConversationView, MessageView } from '../../shared/api/schemas.ts';
import { CUSTOMER_WINDOW_MS } from '../../shared/customer-window.ts';
import { isExchanged } from '../../shared/messages/exchanged.ts';

/**
 * What needs the agent's attention on her desk, from what the panel already holds: the
 * platform's conversation views (window and SLA due times, last messages) and the transcripts
 * loaded here. Pure: the clock is passed in, so tests move it.
 */

/** The window chip shows in its last hour: 1/24 of WhatsApp's 24-hour window. */
export const WINDOW_SOON_MS = CUSTOMER_WINDOW_MS / 24;
/** An SLA chip shows in the last fifth of the clock's own span (conversation start → due time). */
export const SLA_SOON_SHARE = 0.2;

/** The newest moment anything happened in a conversation: its last message, else its start. */
export function latestActivity(conversation: ConversationView, loaded: MessageView[] | undefined): number {
  // A private note is not activity with the customer.
  const local = loaded?.findLast(isExchanged)?.timestamp ?? 0;
  return Math.max(conversation.createdAt, conversation.lastMessage?.timestamp ?? 0, local);
}

/** When the customer last wrote, from the platform's view or a newer message that arrived here. */
export function lastCustomerAt(conversation: ConversationView, loaded: MessageView[] | undefined): number | undefined {
  const local = loaded?.findLast((message) => message.direction === 'inbound')?.timestamp;
  const remote = conversation.lastInboundAt;
  if (local === undefined) return remote;
  return remote === undefined ? local : Math.max(local, remote);
}

/** The desk's conversations, the one with the latest activity first (a stable sort: ties keep their order). */
export function byLatestActivity(
  conversations: ConversationView[],
  messages: Record<string, MessageView[]>,
): ConversationView[] {
  return conversations
    .map((conversation, index) => ({
      conversation,
      index,
      at: latestActivity(conversation, messages[conversation.id]),
    }))
    .sort((a, b) => b.at - a.at || a.index - b.index)
    .map(({ conversation }) => conversation);
}

export type AttentionChip =
  | { kind: 'window'; left: number }
  | { kind: 'sla'; clock: 'firstResponse' | 'resolution'; left: number; overdue: boolean };

/**
 * The one chip a conversation row shows, the most urgent first: an SLA clock past due, the
 * 24-hour window in its last hour, an SLA clock in the last fifth of its span. `left` is the time
 * to the due moment (negative once overdue), counted from `now`: the chip never claims more time
 * than there is. Clocks that stopped (met, breached for good) need no attention.
 */
export function attentionChip(conversation: ConversationView, now: number): AttentionChip | undefined {
  const sla = conversation.sla;
  const clocks = sla
    ? (['firstResponse', 'resolution'] as const)
        .map((clock) => ({ clock, ...sla[clock] }))
        .filter((clock) => clock.stoppedAt === undefined && clock.state !== 'met')
    : [];
  const overdue = clocks.find((clock) => clock.state === 'breached' || clock.dueAt <= now);
  if (overdue) return { kind: 'sla', clock: overdue.clock, left: overdue.dueAt - now, overdue: true };
  const windowLeft = conversation.windowClosesAt !== undefined ? conversation.windowClosesAt - now : undefined;
  if (windowLeft !== undefined && windowLeft > 0 && windowLeft <= WINDOW_SOON_MS) {
    return { kind: 'window', left: windowLeft };
  }
  const soon = clocks
    .filter((clock) => clock.dueAt - now <= (clock.dueAt - conversation.createdAt) * SLA_SOON_SHARE)
    .sort((a, b) => a.dueAt - b.dueAt)[0];
  return soon ? { kind: 'sla', clock: soon.clock, left: soon.dueAt - now, overdue: false } : undefined;
}

/** Unread customer messages on the whole desk. */
export const totalUnread = (unread: Record<string, number>) =>
  Object.values(unread).reduce((sum, count) => sum + count, 0);
