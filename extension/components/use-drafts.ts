import { useEffect, useRef, useState } from 'preact/hooks';
import { loadDrafts, saveDrafts } from '../utils/draft-storage.ts';
import { type Drafts, mergeStored, restoreFailed, withDraft, withoutDrafts } from '../utils/drafts.ts';

/**
 * The agent's drafts, one per conversation, kept in `storage.session` across panel reloads.
 * `send` takes the conversation id and the text as they were when the agent pressed Enter: the
 * text leaves that conversation's box at once (so what she types next stays), and comes back if
 * the platform refuses it.
 */
export function useDrafts(userId: string, conversationIds: readonly string[]) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const [sending, setSending] = useState<ReadonlySet<string>>(new Set());
  const loaded = useRef(false);

  useEffect(() => {
    let current = true;
    void loadDrafts(userId)
      .catch(() => ({}))
      .then((stored) => {
        if (!current) return;
        loaded.current = true;
        setDrafts((typed) => mergeStored(typed, stored));
      });
    return () => {
      current = false;
    };
  }, [userId]);

  useEffect(() => {
    if (loaded.current) void saveDrafts(userId, drafts).catch(() => undefined);
  }, [drafts]);

  // A conversation that leaves the desk (ended, transferred) takes its draft with it.
  const previousIds = useRef<ReadonlySet<string>>(new Set());
  const idsKey = conversationIds.join('\n');
  useEffect(() => {
    const ids = new Set(conversationIds);
    const gone = [...previousIds.current].filter((id) => !ids.has(id));
    previousIds.current = ids;
    if (gone.length > 0) setDrafts((all) => withoutDrafts(all, gone));
  }, [idsKey]);

  // Read synchronously by `send`: a second Enter before the re-render must not send twice.
  const inFlight = useRef(new Set<string>());

  return {
    text: (conversationId: string) => drafts[conversationId] ?? '',
    isSending: (conversationId: string) => sending.has(conversationId),
    edit: (conversationId: string, text: string) => setDrafts((all) => withDraft(all, conversationId, text)),
    /** Sends `text` to `conversationId` with `deliver`; true when it was sent. */
    async send(
      conversationId: string,
      text: string,
      deliver: (conversationId: string, text: string) => Promise<boolean>,
    ): Promise<boolean> {
      if (inFlight.current.has(conversationId) || text.trim() === '') return false;
      inFlight.current.add(conversationId);
      setSending((all) => new Set(all).add(conversationId));
      setDrafts((all) => withDraft(all, conversationId, ''));
      const sent = await deliver(conversationId, text);
      if (!sent) setDrafts((all) => restoreFailed(all, conversationId, text));
      inFlight.current.delete(conversationId);
      setSending((all) => {
        const next = new Set(all);
        next.delete(conversationId);
        return next;
      });
      return sent;
    },
  };
}
