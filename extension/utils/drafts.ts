/**
 * Each conversation's unsent reply (its draft), by conversation id. Pure rules here; the side
 * panel keeps them in `storage.session` (utils/draft-storage.ts) so a reload keeps them too.
 */
export type Drafts = Readonly<Record<string, string>>;

/** `drafts` with `conversationId`'s draft set to `text` (an empty draft is forgotten). */
export function withDraft(drafts: Drafts, conversationId: string, text: string): Drafts {
  if ((drafts[conversationId] ?? '') === text) return drafts;
  const next = { ...drafts };
  if (text === '') delete next[conversationId];
  else next[conversationId] = text;
  return next;
}

/**
 * A send that failed gives its text back, in front of whatever the agent typed while it was in
 * flight: nothing typed is ever lost.
 */
export function restoreFailed(drafts: Drafts, conversationId: string, sent: string): Drafts {
  const typedSince = drafts[conversationId] ?? '';
  return withDraft(drafts, conversationId, typedSince === '' ? sent : `${sent}\n${typedSince}`);
}

/** Stored drafts merged under those typed before the store answered (what was typed wins). */
export function mergeStored(typed: Drafts, stored: Drafts): Drafts {
  return { ...stored, ...typed };
}

/** `drafts` without those of `conversationIds` (conversations that left the desk). */
export function withoutDrafts(drafts: Drafts, conversationIds: readonly string[]): Drafts {
  if (!conversationIds.some((id) => id in drafts)) return drafts;
  const next = { ...drafts };
  for (const id of conversationIds) delete next[id];
  return next;
}
