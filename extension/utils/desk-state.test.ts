import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../shared/api/schemas.ts';
import { conversation, message, offer } from '../testing/desk-fixtures.ts';
import { deskReducer, initialDeskState } from './desk-state.ts';

/** A message of `c1` at `timestamp` (its sequence too), with a delivery status when given. */
const at = (id: string, timestamp: number, status?: MessageView['status']): MessageView =>
  message(id, { timestamp, seq: timestamp, ...(status ? { status } : {}) });

describe('deskReducer', () => {
  it('keeps the customer tags a participant last set, per conversation', () => {
    let state = deskReducer(initialDeskState, {
      event: 'customer.tags',
      data: { conversationId: 'c1', tags: ['vip'] },
    });
    state = deskReducer(state, { event: 'customer.tags', data: { conversationId: 'c2', tags: [] } });
    state = deskReducer(state, { event: 'customer.tags', data: { conversationId: 'c1', tags: ['vip', 'b2b'] } });
    expect(state.customerTags).toEqual({ c1: ['vip', 'b2b'], c2: [] });
  });

  it('turns an accepted offer into the selected active conversation', () => {
    let state = deskReducer(initialDeskState, { event: 'offer', data: offer });
    expect(state.offers).toEqual([offer]);
    state = deskReducer(state, { event: 'conversation.updated', data: conversation });
    expect(state.offers).toEqual([]);
    expect(state.conversations).toEqual([conversation]);
    expect(state.selectedId).toBe('c1');
  });

  it('drops a revoked offer and an ended conversation', () => {
    let state = deskReducer(initialDeskState, { event: 'offer', data: offer });
    state = deskReducer(state, { event: 'offer.revoked', data: { offerId: 'o1' } });
    expect(state.offers).toEqual([]);
    state = deskReducer(state, { event: 'conversation.updated', data: conversation });
    state = deskReducer(state, { event: 'conversation.updated', data: { ...conversation, status: 'ended' } });
    expect(state.conversations).toEqual([]);
    expect(state.selectedId).toBeUndefined();
  });

  it('merges live messages with a loaded transcript, by id, in time order', () => {
    let state = deskReducer(initialDeskState, { event: 'message', data: at('m2', 20, 'sent') });
    state = deskReducer(state, {
      event: 'transcript',
      data: { conversationId: 'c1', messages: [at('m1', 10), at('m2', 20, 'pending')] },
    });
    state = deskReducer(state, { event: 'message', data: at('m2', 20, 'read') });
    expect(state.messages.c1?.map((m) => [m.id, m.status])).toEqual([
      ['m1', undefined],
      ['m2', 'read'],
    ]);
  });

  it('drops transcripts held in the old form and reloads the open one when masking changes', () => {
    const state = deskReducer(initialDeskState, { event: 'message', data: at('m1', 10) });
    const changed = deskReducer(state, { event: 'masking.changed', data: { maskSensitiveData: true } });
    expect(changed.messages).toEqual({});
    expect(changed.epoch).toBe(state.epoch + 1);
  });

  it('orders by the platform’s sequence, not by timestamps that tie', () => {
    let state = deskReducer(initialDeskState, { event: 'message', data: { ...at('joined', 10), seq: 2 } });
    state = deskReducer(state, {
      event: 'transcript',
      data: { conversationId: 'c1', messages: [{ ...at('transferred', 10), seq: 1 }] },
    });
    expect(state.messages.c1?.map((m) => m.id)).toEqual(['transferred', 'joined']);
  });

  it('never moves a delivery status backwards when a late answer arrives', () => {
    let state = deskReducer(initialDeskState, { event: 'message', data: at('m1', 10, 'read') });
    state = deskReducer(state, { event: 'message', data: at('m1', 10, 'pending') });
    expect(state.messages.c1?.[0]?.status).toBe('read');
  });

  it('reopens the conversation that was open before a reload, whether it arrives before or after', () => {
    const other = { ...conversation, id: 'c2', customerName: 'Helena' };
    // The stored id is read after the stream delivered the conversations.
    let state = deskReducer(initialDeskState, { event: 'conversation.updated', data: conversation });
    state = deskReducer(state, { event: 'conversation.updated', data: other });
    expect(state.selectedId).toBe('c1');
    state = deskReducer(state, { event: 'restore', data: { conversationId: 'c2' } });
    expect(state.selectedId).toBe('c2');

    // The stored id is read before the stream delivered it.
    state = deskReducer(initialDeskState, { event: 'restore', data: { conversationId: 'c2' } });
    state = deskReducer(state, { event: 'conversation.updated', data: conversation });
    expect(state.selectedId).toBe('c1');
    state = deskReducer(state, { event: 'conversation.updated', data: other });
    expect(state.selectedId).toBe('c2');
    expect(state.restoreId).toBeUndefined();
  });

  it('lets the agent’s own choice win over a stored conversation still to arrive', () => {
    const other = { ...conversation, id: 'c2' };
    let state = deskReducer(initialDeskState, { event: 'restore', data: { conversationId: 'c2' } });
    state = deskReducer(state, { event: 'conversation.updated', data: conversation });
    state = deskReducer(state, { event: 'select', data: { conversationId: 'c1' } });
    state = deskReducer(state, { event: 'conversation.updated', data: other });
    expect(state.selectedId).toBe('c1');
  });
});

describe('unread customer messages', () => {
  const base = { ...initialDeskState, conversations: [conversation, { ...conversation, id: 'c2' }], selectedId: 'c1' };
  const fromCustomer = (id: string, conversationId: string) =>
    message(id, { conversationId, direction: 'inbound', timestamp: 5, seq: 5 });

  it('counts messages to other conversations once each, and clears them when the agent views it', () => {
    let state = deskReducer(base, { event: 'message', data: fromCustomer('m1', 'c2') });
    state = deskReducer(state, { event: 'message', data: fromCustomer('m1', 'c2') });
    state = deskReducer(state, { event: 'message', data: fromCustomer('m2', 'c2') });
    state = deskReducer(state, { event: 'message', data: fromCustomer('m3', 'c1') });
    expect(state.unread).toEqual({ c2: 2 });
    state = deskReducer(state, { event: 'select', data: { conversationId: 'c2' } });
    expect(state.unread).toEqual({});
  });

  it('counts the open conversation while the panel is hidden, read when it shows again', () => {
    let state = deskReducer(base, { event: 'visibility', data: { visible: false } });
    state = deskReducer(state, { event: 'message', data: fromCustomer('m1', 'c1') });
    expect(state.unread).toEqual({ c1: 1 });
    state = deskReducer(state, { event: 'visibility', data: { visible: true } });
    expect(state.unread).toEqual({});
  });
});
