import { useEffect } from 'preact/hooks';
import type { DeskStore } from '../utils/desk-store.ts';

/** Tells the desk whether the panel is on screen (a message is read only then). */
export function usePanelVisibility(store: DeskStore, doc: Document = document): void {
  useEffect(() => {
    const update = () => store.setVisible(doc.visibilityState === 'visible');
    doc.addEventListener('visibilitychange', update);
    return () => doc.removeEventListener('visibilitychange', update);
  }, [store]);
}
