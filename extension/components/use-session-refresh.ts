import { useEffect } from 'preact/hooks';
import type { DeskStore } from '../utils/desk-store.ts';

/** Refreshes the session's token before it expires, while the desk is on screen. */
export function useSessionRefresh(store: DeskStore): void {
  useEffect(() => {
    const stop = new AbortController();
    store.keepSessionFresh(stop.signal);
    return () => stop.abort();
  }, [store]);
}
