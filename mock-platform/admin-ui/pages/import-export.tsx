import { useState } from 'preact/hooks';
import type { ImportItemReport, ImportReport } from '../../../shared/api/imports.ts';
import { api, apiText, issueText } from '../api.ts';
import { language, t } from '../i18n.ts';
import { importWords } from '../import-words.ts';
import { Card, Checkbox, ErrorText, useSave } from '../ui.tsx';

type Kind = 'users' | 'skills' | 'configuration';

/** Users and skills as CSV, the whole configuration as JSON: export, then import with a dry run first (issue 17). */
export function ImportExportPage() {
  return (
    <div data-testid="import-export-page">
      <h2>{t('importExport')}</h2>
      <p>{t('importExportIntro')}</p>
      <Transfer kind="users" />
      <Transfer kind="skills" />
      <Transfer kind="configuration" />
    </div>
  );
}

const download = (name: string, type: string, text: string) => {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
};

function Transfer({ kind }: { kind: Kind }) {
  const [text, setText] = useState<string | undefined>(undefined);
  const [report, setReport] = useState<ImportReport | undefined>(undefined);
  const [skip, setSkip] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const save = useSave();

  const exportFile = async () => {
    if (kind === 'configuration') {
      const file = await save.run(() => api<unknown>('/api/admin/configuration'));
      if (file) download('loro-configuration.json', 'application/json', `${JSON.stringify(file, null, 2)}\n`);
    } else {
      const csv = await save.run(() => apiText(`/api/admin/csv/${kind}`));
      if (csv !== undefined) download(`${kind}.csv`, 'text/csv;charset=utf-8', csv);
    }
  };
  const choose = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    setReport(undefined);
    setProblem(undefined);
    setText(file ? await file.text() : undefined);
  };
  const run = async (dryRun: boolean) => {
    if (text === undefined) return;
    setProblem(undefined);
    let body: unknown;
    if (kind === 'configuration') {
      try {
        body = { configuration: JSON.parse(text), dryRun, skipRefused: skip };
      } catch {
        setProblem(t('notJson'));
        return;
      }
    } else body = { csv: text, dryRun, skipRefused: skip };
    const path = kind === 'configuration' ? '/api/admin/configuration/import' : `/api/admin/csv/${kind}`;
    const result = await save.run(() => api<ImportReport>(path, { method: 'POST', body }));
    if (result) setReport(result);
  };
  const refused = (report?.counts.refused ?? 0) > 0;
  const canApply = report?.dryRun === true && (!refused || skip);
  const shown = (report?.items ?? []).filter((item) => item.action !== 'unchanged');

  return (
    <Card
      title={t(`transfer_${kind}`)}
      testid={`transfer-${kind}`}
      actions={
        <button type="button" onClick={exportFile} data-testid={`export-${kind}`}>
          {t('exportFile')}
        </button>
      }
    >
      <label class="field">
        <span class="label">{t('chooseFile')}</span>
        <input
          type="file"
          accept={kind === 'configuration' ? '.json,application/json' : '.csv,text/csv'}
          onChange={choose}
          data-testid={`file-${kind}`}
        />
      </label>
      <Checkbox label={t('skipRefused')} checked={skip} onChange={setSkip} testid={`skip-${kind}`} />
      <div class="form-actions">
        <button
          type="button"
          disabled={text === undefined || save.busy}
          onClick={() => run(true)}
          data-testid={`dry-run-${kind}`}
        >
          {t('dryRun')}
        </button>
        <button
          type="button"
          class="primary"
          disabled={!canApply || save.busy}
          onClick={() => run(false)}
          data-testid={`apply-${kind}`}
        >
          {t('applyImport')}
        </button>
      </div>
      {report && (
        <div data-testid={`report-${kind}`}>
          <p class={report.applied ? 'notice' : 'hint'} data-testid={report.applied ? 'notice' : `counts-${kind}`}>
            {t(report.applied ? 'importApplied' : 'importCounts', countsOf(report))}
          </p>
          {report.dryRun && refused && !skip && <p class="hint">{t('fixRefused')}</p>}
          {report.notes.length > 0 && (
            <ul>
              {report.notes.map((note) => (
                <li key={note}>{importWords(note, language())}</li>
              ))}
            </ul>
          )}
          {shown.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th>{t('importRow')}</th>
                  <th>{t('importWhat')}</th>
                  <th>{t('actions')}</th>
                  <th>{t('importDetails')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
                  <tr key={item.ref} data-ref={item.ref} data-action={item.action}>
                    <td>{importWords(item.ref, language())}</td>
                    <td>{importWords(item.name, language())}</td>
                    <td>{t(`action_${item.action}`)}</td>
                    <td>
                      <Details item={item} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <ErrorText message={problem ?? save.message} details={save.details} />
    </Card>
  );
}

const countsOf = ({ counts }: ImportReport) => ({
  create: String(counts.create),
  update: String(counts.update),
  unchanged: String(counts.unchanged),
  refused: String(counts.refused),
});

/** Why a row is refused (field: rule, in the UI's language), or what it changes (field: before → after). */
function Details({ item }: { item: ImportItemReport }) {
  const lines =
    item.action === 'refused'
      ? item.issues.map((issue) => `${issue.path}: ${issueText(issue)}`)
      : item.changes.map((change) => `${change.field}: ${change.before} → ${change.after}`);
  return (
    <ul class="plain">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
