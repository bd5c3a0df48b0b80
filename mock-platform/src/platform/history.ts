import type { HistoryEntry } from '../../../shared/api/schemas.ts';
import { isExchanged } from '../../../shared/messages/exchanged.ts';
import { fromWaId } from '../../../shared/phone.ts';
import { archivedMessages } from './archive.ts';
import type { PlatformContext } from './context.ts';
import { maskerFor } from './masking.ts';
import type { User } from './records.ts';

const LIMIT = 100;

/**
 * The agent's interaction history: their finished parts in conversations (ended, transferred
 * away, left a conference), newest first, with the closure reason they chose. Masked like every
 * other agent view (AG-7).
 */
export async function interactionHistory(ctx: PlatformContext, agent: User, search = ''): Promise<HistoryEntry[]> {
  const needle = search.trim().toLocaleLowerCase();
  const entries: HistoryEntry[] = [];
  const done = ctx.store
    .where('wrapUps', 'agentId', agent.id)
    .filter((wrapUp) => wrapUp.status === 'done')
    // Newest first; the index lists in stored order, so reversing first breaks time ties by recency.
    .reverse()
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  for (const wrapUp of done) {
    const conversation = ctx.store.get('conversations', wrapUp.conversationId);
    if (!conversation) continue;
    const mask = maskerFor(ctx.store, conversation);
    // Conversations ended long ago have their messages in the archive, read on demand.
    const last = (await archivedMessages(ctx, ctx.archive, conversation))
      .filter(isExchanged)
      .reduce<{ text: string; seq: number } | undefined>(
        (latest, message) =>
          (message.seq ?? 0) >= (latest?.seq ?? -1) ? { text: message.text, seq: message.seq ?? 0 } : latest,
        undefined,
      );
    const closure = wrapUp.closureReasonId ? ctx.store.get('closureReasons', wrapUp.closureReasonId)?.name : undefined;
    const entry: HistoryEntry = {
      conversationId: conversation.id,
      customerName: mask.name(conversation.customerName),
      customerNumber: mask.phone(fromWaId(conversation.customerWaId)),
      queueName: ctx.store.get('skills', conversation.skillId)?.name ?? '',
      endedAt: wrapUp.doneAt ?? wrapUp.createdAt,
      reason: wrapUp.reason,
      ...(closure ? { closureReason: closure } : {}),
      ...(wrapUp.note ? { note: mask.text(wrapUp.note) } : {}),
      ...(last ? { lastMessage: mask.text(last.text) } : {}),
    };
    const haystack = [entry.customerName, entry.customerNumber, entry.closureReason, entry.note]
      .join(' ')
      .toLocaleLowerCase();
    if (needle && !haystack.includes(needle)) continue;
    entries.push(entry);
    if (entries.length >= LIMIT) break;
  }
  return entries;
}
