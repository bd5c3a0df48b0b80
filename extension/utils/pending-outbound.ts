import { z } from 'zod';
import { pendingOutboundItem } from './storage.ts';

const pendingOutboundSchema = z.object({ number: z.string(), at: z.number() });

/**
 * Calls `onNumber` with each number the console page's "WhatsApp" button leaves in session
 * storage (BY-2), now and as new ones arrive, and clears it once taken. Returns the unsubscribe.
 */
export function watchPendingOutbound(onNumber: (number: string) => void): () => void {
  // The same number can arrive twice (the initial read and the change event): take it once.
  let lastAt = 0;
  const take = (value: unknown) => {
    const parsed = pendingOutboundSchema.safeParse(value);
    if (!parsed.success || parsed.data.at <= lastAt) return;
    lastAt = parsed.data.at;
    onNumber(parsed.data.number);
    void pendingOutboundItem.removeValue();
  };
  void pendingOutboundItem.getValue().then(take);
  return pendingOutboundItem.watch(take);
}
