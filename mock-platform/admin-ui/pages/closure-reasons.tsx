import { CrudPage } from '../crud.tsx';
import { t } from '../i18n.ts';
import type { ClosureReason } from '../types.ts';
import { TextField } from '../ui.tsx';

/** Closure reasons: what agents pick when they end a conversation. */
export function ClosureReasonsPage() {
  return (
    <CrudPage<ClosureReason, { name: string }>
      title={t('closureReasons')}
      intro={<p>{t('closureReasonsIntro')}</p>}
      path="closure-reasons"
      testid="closure-reasons-page"
      columns={[{ sort: 'name', label: t('name'), render: (row) => row.name }]}
      blank={() => ({ name: '' })}
      fromRow={(row) => ({ name: row.name })}
      toBody={(draft) => draft}
      Editor={({ draft, set, errors }) => (
        <TextField
          label={t('name')}
          name="name"
          value={draft.name}
          onChange={(name) => set({ name })}
          errors={errors}
        />
      )}
    />
  );
}
