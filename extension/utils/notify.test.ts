import { describe, expect, it } from 'vitest';
import type { MessageView, OfferView } from '../../shared/api/schemas.ts';
import { notificationFor } from './notify.ts';

const offer: OfferView = {
  id: 'o1',
  conversationId: 'c1',
  customerName: '********5678',
  customerNumber: '********5678',
  originNumber: '********1234',
  queueName: 'Support',
  offeredAt: 0,
  expiresAt: 30_000,
  canReject: true,
  kind: 'conversation',
};
const inbound: MessageView = {
  id: 'm1',
  conversationId: 'c1',
  direction: 'inbound',
  text: 'mi correo es m******@gmail.com',
  timestamp: 0,
  seq: 1,
};

describe('desktop notifications', () => {
  it('announce a new offer with the (masked) numbers and queue while the panel is not focused', () => {
    expect(notificationFor({ event: 'offer', data: offer }, false)).toEqual({
      id: 'offer:o1',
      title: 'Incoming WhatsApp conversation',
      message: '********5678 · ********5678 → ********1234 · Support',
    });
  });

  it('announce customer messages only, never the agent’s own, and nothing while the panel is focused', () => {
    expect(notificationFor({ event: 'message', data: inbound, customerName: 'María' }, false)).toEqual({
      id: 'message:m1',
      title: 'María',
      message: 'mi correo es m******@gmail.com',
    });
    expect(notificationFor({ event: 'message', data: { ...inbound, direction: 'outbound' } }, false)).toBeUndefined();
    expect(notificationFor({ event: 'offer', data: offer }, true)).toBeUndefined();
  });

  it('shortens long messages', () => {
    const long = notificationFor({ event: 'message', data: { ...inbound, text: 'x'.repeat(500) } }, false);
    expect(long?.message).toHaveLength(180);
  });
});
