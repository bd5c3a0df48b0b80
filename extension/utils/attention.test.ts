import { describe, expect, it } from 'vitest';
import type { ConversationView, MessageView } from '../../shared/api/schemas.ts';
import { attentionChip, byLatestActivity, lastCustomerAt, WINDOW_SOON_MS } from './attention.ts';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 11, 2, 9, 0, 0);
const conversation = (id: string, extra: Partial<ConversationView> = {}): ConversationView => ({
  id,
  channelId: 'ch',
  customerName: id,
  customerNumber: '+34612345678',
  originNumber: '+16145551234',
  queueName: 'Support',
  status: 'active',
  permissions: ['reply'],
  createdAt: start,
  ...extra,
});
const inbound = (conversationId: string, timestamp: number): MessageView => ({
  id: `m${timestamp}`,
  conversationId,
  direction: 'inbound',
  text: 'hola',
  timestamp,
  seq: timestamp,
});

describe('attention on the desk', () => {
  it('orders conversations by latest activity, from the platform view or messages that arrived here', () => {
    const a = conversation('a', { lastMessage: { direction: 'inbound', text: 'x', timestamp: start + 10 } });
    const b = conversation('b', { lastMessage: { direction: 'inbound', text: 'y', timestamp: start + 20 } });
    const c = conversation('c');
    expect(byLatestActivity([a, b, c], {}).map((x) => x.id)).toEqual(['b', 'a', 'c']);
    expect(byLatestActivity([a, b, c], { c: [inbound('c', start + 30)] }).map((x) => x.id)).toEqual(['c', 'b', 'a']);
  });

  it('orders messages stamped in the same second by the platform’s order, not by when conversations began', () => {
    // WhatsApp's timestamps are whole seconds; conversations begin at the platform's millisecond.
    const second = start + 8_000;
    const early = conversation('early', { createdAt: start + 5_843 });
    const late = conversation('late', { createdAt: second + 571 });
    const loaded = {
      early: [{ ...inbound('early', start + 5_000), seq: 1 }],
      late: [{ ...inbound('late', second), seq: 2 }],
    };
    expect(byLatestActivity([early, late], loaded).map((x) => x.id)).toEqual(['late', 'early']);
    const again = { ...loaded, early: [...loaded.early, { ...inbound('early', second), id: 'new', seq: 3 }] };
    expect(byLatestActivity([early, late], again).map((x) => x.id)).toEqual(['early', 'late']);
  });

  it('knows when the customer last wrote', () => {
    expect(lastCustomerAt(conversation('a'), undefined)).toBeUndefined();
    expect(lastCustomerAt(conversation('a', { lastInboundAt: start + 5 }), [inbound('a', start + 9)])).toBe(start + 9);
  });

  it('shows a window chip only in the window’s last hour, counted from a moved clock', () => {
    const closesAt = start + 24 * HOUR;
    const c = conversation('a', { windowClosesAt: closesAt });
    expect(attentionChip(c, closesAt - WINDOW_SOON_MS - 1)).toBeUndefined();
    expect(attentionChip(c, closesAt - 45 * 60_000)).toEqual({ kind: 'window', left: 45 * 60_000 });
    expect(attentionChip(c, closesAt + 1)).toBeUndefined();
  });

  it('shows an SLA chip in the clock’s last fifth, then overdue first; stopped clocks need nothing', () => {
    const dueAt = start + 10 * HOUR;
    const c = conversation('a', {
      sla: { firstResponse: { state: 'active', dueAt }, resolution: { state: 'active', dueAt: start + 100 * HOUR } },
    });
    expect(attentionChip(c, dueAt - 2 * HOUR - 1)).toBeUndefined();
    expect(attentionChip(c, dueAt - 2 * HOUR)).toEqual({
      kind: 'sla',
      clock: 'firstResponse',
      left: 2 * HOUR,
      overdue: false,
    });
    expect(attentionChip(c, dueAt + 5)).toMatchObject({ kind: 'sla', overdue: true, left: -5 });
    const met = conversation('a', {
      sla: {
        firstResponse: { state: 'met', dueAt, stoppedAt: start },
        resolution: { state: 'active', dueAt: start + 100 * HOUR },
      },
    });
    expect(attentionChip(met, dueAt + 5)).toBeUndefined();
  });
});
