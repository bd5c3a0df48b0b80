import { useEffect, useRef } from 'preact/hooks';
import { type ShortcutAction, shortcutFor } from '../utils/shortcuts.ts';

/**
 * The desk's keyboard shortcuts, anywhere in the panel (in the reply box too: Alt+Shift+letter
 * types nothing). The handlers are read at the key press, so they act on the desk as it is then.
 */
export function useShortcuts(
  handlers: Record<ShortcutAction, () => void>,
  target: Pick<EventTarget, 'addEventListener'> = document,
) {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const stop = new AbortController();
    target.addEventListener(
      'keydown',
      (event) => {
        const action = shortcutFor(event as KeyboardEvent);
        if (!action || event.defaultPrevented) return;
        event.preventDefault();
        latest.current[action]();
      },
      { signal: stop.signal },
    );
    return () => stop.abort();
  }, [target]);
}
