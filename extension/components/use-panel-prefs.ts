import { useEffect, useState } from 'preact/hooks';
import { DEFAULT_PANEL_PREFS, loadPanelPrefs, type PanelPrefs, savePanelPrefs } from '../utils/storage.ts';

/** The agent's panel settings (offer sound, what is folded), kept in extension storage. */
export function usePanelPrefs(): [PanelPrefs, (change: Partial<PanelPrefs>) => void] {
  const [prefs, setPrefs] = useState(DEFAULT_PANEL_PREFS);
  useEffect(() => {
    void loadPanelPrefs().then(setPrefs, () => undefined);
  }, []);
  const update = (change: Partial<PanelPrefs>) =>
    setPrefs((current) => {
      const next = { ...current, ...change };
      void savePanelPrefs(next).catch(() => undefined);
      return next;
    });
  return [prefs, update];
}
