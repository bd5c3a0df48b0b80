/** The platform tells WhatsApp at most this often (its indicator lasts about 25 s); the panel asks no more. */
export const TYPING_INTERVAL_MS = 20_000;

/**
 * "The agent is typing", at most once per `interval` per conversation: each conversation has
 * its own clock, so typing in one box never speaks for another. `replied` starts that
 * conversation's clock over (WhatsApp drops the indicator when the reply arrives). A failed call
 * is dropped: the indicator is a courtesy, never an error on screen.
 */
export function typingThrottle(
  send: (conversationId: string) => Promise<unknown>,
  now: () => number = Date.now,
  interval = TYPING_INTERVAL_MS,
) {
  const last = new Map<string, number>();
  return {
    /** The agent typed in `conversationId`'s box; true when the platform is told. */
    typed(conversationId: string): boolean {
      const at = now();
      const previous = last.get(conversationId);
      if (previous !== undefined && at - previous < interval) return false;
      last.set(conversationId, at);
      send(conversationId).catch(() => undefined);
      return true;
    },
    replied(conversationId: string): void {
      last.delete(conversationId);
    },
  };
}
