import { useEffect } from 'preact/hooks';
import type { DeskStore } from '../utils/desk-store.ts';

/** Keeps the desk's event stream open while the desk is on screen. */
export function useDeskStream(store: DeskStore): void {
  useEffect(() => {
    const stop = new AbortController();
    store.connect(stop.signal);
    return () => stop.abort();
  }, [store]);
}
