import { useEffect, useState } from 'preact/hooks';
import { api } from './api.ts';
import type { Settings } from './types.ts';
import { useLoad, useSave } from './ui.tsx';

/**
 * One part of the tenant settings as a form (the SLA and business hours, the masking switch, the
 * disconnect grace): the draft, and a save based on the version loaded, so a field another
 * administrator changed meanwhile is refused with their change (`conflict`) instead of silently
 * undone. `reload` takes their version (the draft is discarded); `keepMine` keeps the draft on the
 * current version, so saving again overwrites theirs knowingly.
 */
export function useSettingsPart<T>(pick: (settings: Settings) => T) {
  const settings = useLoad(() => api<Settings>('/api/admin/settings'));
  const [draft, setDraft] = useState<T | undefined>(undefined);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [conflict, setConflict] = useState<string[] | undefined>(undefined);
  const save = useSave();
  useEffect(() => {
    if (!settings.data) return;
    setDraft(pick(settings.data));
    setVersion(settings.data.version);
  }, [settings.data]);

  const submit = async (changes: Partial<Omit<Settings, 'version'>>): Promise<Settings | undefined> => {
    setConflict(undefined);
    const result = await save.run(
      () => api<Settings>('/api/admin/settings', { method: 'PUT', body: changes, version }),
      (failure) => {
        if (failure.code === 'version_conflict') setConflict(failure.issues.map((issue) => issue.message));
      },
    );
    if (result) {
      setDraft(pick(result));
      setVersion(result.version);
    }
    return result;
  };
  const reload = () => {
    setConflict(undefined);
    save.reset();
    settings.reload();
  };
  const keepMine = async () => {
    const fresh = await save.run(() => api<Settings>('/api/admin/settings'));
    if (!fresh) return;
    setConflict(undefined);
    save.reset();
    setVersion(fresh.version);
  };
  return { draft, setDraft, loadError: settings.error, save, submit, conflict, reload, keepMine };
}
