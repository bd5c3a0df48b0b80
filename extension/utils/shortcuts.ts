/** What the desk's keyboard shortcuts do. */
export type ShortcutAction = 'accept' | 'next' | 'end';

/**
 * Alt+Shift and a letter, read by the key's place (`code`), not the character it types: macOS's
 * Option turns letters into other characters (Option+E is a dead key), and Spanish layouts move
 * punctuation. Plain Alt+letter is left alone: Windows Chrome opens its menu with Alt+E and Alt+F.
 */
const BY_CODE: Record<string, ShortcutAction> = { KeyA: 'accept', KeyN: 'next', KeyE: 'end' };

/** The keys, as the help lists them. */
export const SHORTCUT_KEYS: Record<ShortcutAction, string> = {
  accept: 'Alt+Shift+A',
  next: 'Alt+Shift+N',
  end: 'Alt+Shift+E',
};

/** The desk action a key press asks for, if any. */
export function shortcutFor(
  event: Pick<KeyboardEvent, 'altKey' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'code'>,
): ShortcutAction | undefined {
  if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return undefined;
  return BY_CODE[event.code];
}

/** The conversation after the open one, in the order the list shows them (wrapping round); the first when none is open. */
export function nextConversationId(ids: readonly string[], selectedId: string | undefined): string | undefined {
  const at = selectedId === undefined ? -1 : ids.indexOf(selectedId);
  return ids[(at + 1) % ids.length];
}
