import { fromWaId } from '../../../shared/phone.ts';
import { formatPhone } from '../../../shared/phone-format.ts';
import { inboundText } from '../../../shared/whatsapp/inbound-text.ts';
import type { InboundMessage } from '../../../shared/whatsapp/webhook-schema.ts';
import type { WriteOp } from '../store/store.ts';
import type { PlatformContext } from './context.ts';
import { publishToParticipants } from './participants.ts';
import type { Channel, Conversation, PlatformSchema } from './records.ts';
import { put, remove } from './records.ts';
import { conversationView, messageView } from './views.ts';

/**
 * What WhatsApp reports about a customer without the customer saying anything (`system`
 * messages, `request_welcome`: the customer opened the chat). It opens no conversation: the line
 * goes into the open conversation, else the latest one still in memory, else nowhere.
 * `user_changed_number` also moves the customer, with every conversation, to the new number, so
 * replies go there. Runs inside a mutation (`mutate`), synchronously.
 */
export function storeNotice(
  ctx: PlatformContext,
  channel: Channel,
  message: InboundMessage,
  mine: Conversation[],
  open: Conversation | undefined,
  sentAt: number,
): { routable: false } {
  const ops: WriteOp<PlatformSchema>[] = [];
  const updated = new Map<string, Conversation>();
  const from = message.from ?? '';
  const newWaId = message.system?.type === 'user_changed_number' ? message.system.wa_id : undefined;
  if (newWaId && /^\d{6,15}$/.test(newWaId) && newWaId !== from) {
    for (const op of moveCustomer(ctx, from, newWaId)) {
      ops.push(op);
      if (op.type === 'put' && op.collection === 'conversations') updated.set(op.row.id, op.row);
    }
  }
  const target = open ?? mine.filter((c) => !c.archivedIn).sort((a, b) => b.createdAt - a.createdAt)[0];
  const line = target
    ? {
        id: message.id,
        conversationId: target.id,
        direction: 'inbound' as const,
        type: message.type,
        text: inboundText(message),
        timestamp: sentAt,
        seq: ctx.messageSeq.next(),
      }
    : undefined;
  if (line) ops.push(put('messages', line));
  else {
    console.info(
      `[webhook] a ${message.type} notice for channel ${channel.id} has no conversation to go into; not stored`,
    );
  }
  if (ops.length === 0) return { routable: false };
  void ctx.store.commit(ops);
  for (const conversation of updated.values()) {
    if (conversation.status !== 'active') continue;
    publishToParticipants(ctx, conversation, 'conversation.updated', (viewer) =>
      conversationView(ctx, conversation, viewer),
    );
  }
  const shown = target ? (updated.get(target.id) ?? target) : undefined;
  if (line && shown?.status === 'active') publishToParticipants(ctx, shown, 'message', () => messageView(ctx, line));
  return { routable: false };
}

/**
 * The customer's row and conversations, re-keyed to the new number (a row already under the new
 * number keeps what it has and gains what only the old one knew).
 */
function moveCustomer(ctx: PlatformContext, oldWaId: string, newWaId: string): WriteOp<PlatformSchema>[] {
  const ops: WriteOp<PlatformSchema>[] = [];
  const previous = ctx.store.get('customers', oldWaId);
  const existing = ctx.store.get('customers', newWaId);
  const oldLabel = formatPhone(fromWaId(oldWaId));
  const newLabel = formatPhone(fromWaId(newWaId));
  if (previous || existing) {
    const name = existing?.name ?? (previous?.name === oldLabel ? newLabel : previous?.name) ?? newLabel;
    ops.push(
      put('customers', {
        ...previous,
        ...existing,
        id: newWaId,
        name,
        firstSeenAt: Math.min(
          previous?.firstSeenAt ?? Number.POSITIVE_INFINITY,
          existing?.firstSeenAt ?? Number.POSITIVE_INFINITY,
        ),
      }),
    );
  }
  if (previous) ops.push(remove('customers', oldWaId));
  for (const conversation of ctx.store.where('conversations', 'customerWaId', oldWaId)) {
    ops.push(
      put('conversations', {
        ...conversation,
        customerWaId: newWaId,
        customerName: conversation.customerName === oldLabel ? newLabel : conversation.customerName,
      }),
    );
  }
  console.info(`[webhook] a customer changed number: ${ops.length} records moved`);
  return ops;
}
