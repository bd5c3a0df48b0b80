import { useEffect, useState } from 'preact/hooks';
import { type CannedLanguage, type CannedResponseView, searchCanned } from '../../shared/api/canned-response-view.ts';

/** What the agent is searching for: the text after a `/` that starts the reply (one line), else none. */
export function cannedQuery(text: string): string | undefined {
  return text.startsWith('/') && !text.includes('\n') ? text.slice(1) : undefined;
}

export type CannedPickerState = ReturnType<typeof useCannedPicker>;

/**
 * The canned-response picker of one reply box: open while the reply starts with `/` (until Esc),
 * its responses loaded once, on first use. Arrows choose, Enter inserts (the reply becomes the
 * response's text, which the agent edits before sending), Esc closes.
 */
export function useCannedPicker({
  text,
  load,
  language,
  onInsert,
}: {
  text: string;
  load: (() => Promise<CannedResponseView[]>) | undefined;
  language: CannedLanguage;
  onInsert: (text: string) => void;
}) {
  const [responses, setResponses] = useState<CannedResponseView[] | 'loading' | 'failed'>();
  const [dismissed, setDismissed] = useState(false);
  const [active, setActive] = useState(0);
  const query = load ? cannedQuery(text) : undefined;
  const open = query !== undefined && !dismissed;

  useEffect(() => {
    if (query === undefined) setDismissed(false);
    setActive(0);
  }, [query]);

  useEffect(() => {
    if (!open || responses !== undefined || !load) return;
    setResponses('loading');
    load().then(setResponses, () => setResponses('failed'));
  }, [open]);

  const matches = open && Array.isArray(responses) ? searchCanned(responses, query ?? '', language) : [];
  const current = Math.min(active, Math.max(0, matches.length - 1));
  const pick = (response: CannedResponseView) => onInsert(response.text);

  return {
    open,
    query: query ?? '',
    status: Array.isArray(responses) ? ('ready' as const) : (responses ?? 'loading'),
    matches,
    active: current,
    pick,
    /** Handles the picker's keys; true when the key was the picker's (the box must not act on it). */
    onKeyDown(event: KeyboardEvent): boolean {
      if (!open || event.isComposing) return false;
      const count = matches.length;
      if (event.key === 'Escape') setDismissed(true);
      else if (event.key === 'ArrowDown' && count > 0) setActive((current + 1) % count);
      else if (event.key === 'ArrowUp' && count > 0) setActive((current - 1 + count) % count);
      else if (event.key === 'Enter' && !event.shiftKey) {
        const chosen = matches[current];
        if (chosen) pick(chosen);
      } else return false;
      event.preventDefault();
      return true;
    },
  };
}
