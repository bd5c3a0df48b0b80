import { useContext, useEffect, useState } from 'preact/hooks';
import type { DeskActions, DeskSnapshot } from '../utils/desk-store.ts';
import { DeskContext } from './desk-context.tsx';

/** The desk's state and actions, from the store the nearest `DeskProvider` holds. */
export function useDesk(): DeskSnapshot & { actions: DeskActions } {
  const store = useContext(DeskContext);
  if (!store) throw new Error('useDesk needs a DeskProvider');
  const [snapshot, setSnapshot] = useState(store.getSnapshot);
  useEffect(() => {
    setSnapshot(store.getSnapshot());
    return store.subscribe(() => setSnapshot(store.getSnapshot()));
  }, [store]);
  return { ...snapshot, actions: store.actions };
}
