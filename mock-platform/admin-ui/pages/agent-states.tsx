import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { CrudPage } from '../crud.tsx';
import { t } from '../i18n.ts';
import type { Settings, UnavailableReason } from '../types.ts';
import { Card, ErrorText, NumberField, TextField, useLoad, useSave } from '../ui.tsx';

type Draft = { name: string; nameEs: string };

/** Agent states: the unavailable reasons agents pick, and how long a lost connection is tolerated. */
export function AgentStatesPage() {
  return (
    <>
      <CrudPage<UnavailableReason, Draft>
        title={t('unavailableReasons')}
        intro={<p>{t('unavailableReasonsIntro')}</p>}
        path="unavailable-reasons"
        testid="unavailable-reasons-page"
        columns={[
          { sort: 'name', label: t('nameEnglish'), render: (row) => row.name },
          { sort: 'nameEs', label: t('nameSpanish'), render: (row) => row.nameEs },
        ]}
        blank={() => ({ name: '', nameEs: '' })}
        fromRow={(row) => ({ name: row.name, nameEs: row.nameEs })}
        toBody={(draft) => draft}
        Editor={({ draft, set, errors }) => (
          <>
            <TextField
              label={t('nameEnglish')}
              name="name"
              value={draft.name}
              onChange={(name) => set({ ...draft, name })}
              errors={errors}
            />
            <TextField
              label={t('nameSpanish')}
              name="nameEs"
              value={draft.nameEs}
              onChange={(nameEs) => set({ ...draft, nameEs })}
              errors={errors}
            />
          </>
        )}
      />
      <DisconnectGrace />
    </>
  );
}

/** The grace period before an agent whose panel is gone becomes Unavailable ("Disconnected"). */
function DisconnectGrace() {
  const settings = useLoad(() => api<Settings>('/api/admin/settings'));
  const save = useSave();
  const [seconds, setSeconds] = useState<number | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSeconds(settings.data?.disconnectGraceSeconds), [settings.data]);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const result = await save.run(() =>
      api<Settings>('/api/admin/settings', { method: 'PUT', body: { disconnectGraceSeconds: seconds } }),
    );
    if (result) {
      setSeconds(result.disconnectGraceSeconds);
      setSaved(true);
    }
  };
  return (
    <Card title={t('disconnectGrace')} testid="disconnect-grace">
      <form onSubmit={submit}>
        <NumberField
          label={t('disconnectGraceSeconds')}
          name="disconnectGraceSeconds"
          value={seconds}
          onChange={setSeconds}
          errors={save.errors}
          hint={t('disconnectGraceHint')}
          min={5}
          max={600}
        />
        <button type="submit" class="primary" disabled={save.busy} data-testid="save-grace">
          {t('save')}
        </button>
        {saved && <span class="hint">{t('saved')}</span>}
      </form>
      <ErrorText message={save.message ?? settings.error} details={save.details} />
    </Card>
  );
}
