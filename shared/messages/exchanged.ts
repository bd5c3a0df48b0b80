/** The directions of a transcript line that went between the customer and the business. */
export type ExchangedDirection = 'inbound' | 'outbound';

/**
 * Whether a transcript line was exchanged with the customer: not a system line ("X joined") and
 * not an agent's private note. Only these count as activity, previews, quotes or the customer's
 * and the agent's messages (24-hour window, unread, SLA).
 */
export function isExchanged<M extends { direction: string }>(
  message: M,
): message is M & { direction: ExchangedDirection } {
  return message.direction === 'inbound' || message.direction === 'outbound';
}
