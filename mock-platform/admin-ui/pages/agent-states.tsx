import { useState } from 'preact/hooks';
import { ConflictBanner } from '../conflict-banner.tsx';
import { CrudPage } from '../crud.tsx';
import { t } from '../i18n.ts';
import { useSettingsPart } from '../settings-part.ts';
import type { UnavailableReason } from '../types.ts';
import { Card, ErrorText, NumberField, TextField } from '../ui.tsx';

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
  const part = useSettingsPart(({ disconnectGraceSeconds }) => disconnectGraceSeconds);
  const { save } = part;
  const seconds = part.draft;
  const setSeconds = (value: number | undefined) => part.setDraft(value);
  const [saved, setSaved] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setSaved(false);
    if (await part.submit({ disconnectGraceSeconds: seconds })) setSaved(true);
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
      {part.conflict ? (
        <ConflictBanner changes={part.conflict} onReload={part.reload} onKeep={part.keepMine} />
      ) : (
        <ErrorText message={save.message ?? part.loadError} details={save.details} />
      )}
    </Card>
  );
}
