import { createContext } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DeskStore } from '../utils/desk-store.ts';
import { sessionDeskStore } from '../utils/session-desk.ts';
import type { Session } from '../utils/storage.ts';
import { useDeskStream } from './use-desk-stream.ts';
import { usePanelVisibility } from './use-panel-visibility.ts';
import { useSessionRefresh } from './use-session-refresh.ts';

export const DeskContext = createContext<DeskStore | undefined>(undefined);

/**
 * One desk store for this session's desk (the side panel re-creates it with each new token), its
 * event stream, session refresh and panel visibility; components read it with `useDesk()`.
 * Tests pass their own `store`.
 */
export function DeskProvider({
  session,
  store: given,
  children,
}: {
  session: Session;
  store?: DeskStore;
  children: preact.ComponentChildren;
}) {
  const [store] = useState(() => given ?? sessionDeskStore(session));
  useDeskStream(store);
  useSessionRefresh(store);
  usePanelVisibility(store);
  useEffect(() => void store.restore(), [store]);
  return <DeskContext.Provider value={store}>{children}</DeskContext.Provider>;
}
