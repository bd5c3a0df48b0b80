import type { DeliveryStatus } from './api/schemas.ts';

const rank: Record<DeliveryStatus, number> = { sending: -1, pending: 0, sent: 1, delivered: 2, read: 3, failed: 1.5 };

/**
 * Whether a status update moves a message forward. Webhooks can arrive out of order (Meta may
 * send `read` without `delivered`, or `sent` after `delivered`): a message never goes back, and
 * `failed` only counts before the customer's phone has the message.
 */
export function advancesStatus(current: DeliveryStatus | undefined, next: DeliveryStatus): boolean {
  if (current === undefined) return true;
  if (current === 'failed') return false;
  return rank[next] > rank[current];
}
