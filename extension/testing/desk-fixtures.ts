import type { ConversationView, MessageView, OfferView } from '../../shared/api/schemas.ts';

/**
 * The desk as the platform describes it, shared by the desk store's and the desk reducer's tests:
 * one offer of conversation `c1` (María, on the Support queue), that conversation once accepted,
 * and its messages.
 */
export const offer: OfferView = {
  id: 'o1',
  conversationId: 'c1',
  customerName: 'María',
  customerNumber: '+34612345678',
  originNumber: '+16145551234',
  queueName: 'Support',
  offeredAt: 1,
  expiresAt: 30_001,
  canReject: true,
  kind: 'conversation',
};

export const conversation: ConversationView = {
  id: 'c1',
  channelId: 'ch',
  customerName: 'María',
  customerNumber: '+34612345678',
  originNumber: '+16145551234',
  queueName: 'Support',
  status: 'active',
  permissions: ['reply', 'templates', 'transfer', 'conference', 'end'],
  createdAt: 1,
};

/** A message of conversation `c1`, the agent's (outbound) at time 10 unless `fields` say otherwise. */
export const message = (id: string, fields: Partial<MessageView> = {}): MessageView => ({
  id,
  conversationId: 'c1',
  direction: 'outbound',
  text: id,
  timestamp: 10,
  seq: 10,
  ...fields,
});
