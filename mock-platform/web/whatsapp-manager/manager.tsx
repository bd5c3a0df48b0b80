import { useCallback, useEffect, useState } from 'preact/hooks';
import { CreateForm, type TemplateLanguage } from './create-form.tsx';
import type { ManagerT } from './i18n.ts';
import type { Account, ListedNumber, ListedTemplate, ManagerApi, Sent } from './manager-api.ts';
import { NumbersTable } from './numbers-table.tsx';
import { TemplatesTable } from './templates-table.tsx';

/** What the server puts in the page (`servePage`'s data): Meta's template languages. */
export interface ManagerData {
  languages: readonly TemplateLanguage[];
}

interface Props {
  api: ManagerApi;
  t: ManagerT;
  data: ManagerData;
  /** How a refused review is shown (the browser's alert on the page). */
  alert?: (message: string) => void;
}

/**
 * The simulator's WhatsApp Manager (TP-1, CH-8): the account's templates with their status and
 * quality, a form to create one, the reviewer's decisions along Meta's transitions (a rejection with
 * Meta's reason), and the numbers with their quality rating and messaging limit. `body[data-ready]`
 * is set once the lists have loaded.
 */
export function Manager({ api, t, data, alert = (message) => window.alert(message) }: Props) {
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [wabaId, setWabaId] = useState('');
  const [templates, setTemplates] = useState<ListedTemplate[]>([]);
  const [numbers, setNumbers] = useState<ListedNumber[]>([]);
  const [note, setNote] = useState('');

  const load = useCallback(async () => {
    const [listed, found] = await Promise.all([api.templates(), api.accounts()]);
    setTemplates(listed);
    setAccounts(found);
    setWabaId((current) => current || found[0]?.id || '');
    setNumbers(await api.numbers());
    document.body.dataset.ready = 'true';
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const done = (sent: Sent<unknown>) => {
    if (!sent.ok) alert(sent.refusal || t('refused'));
    void load();
  };
  // Meta gives developers a +1 555 test number, connected at once: added to the account chosen above.
  const addTestNumber = async () => {
    const sent = await api.addTestNumber(wabaId);
    setNote(sent.ok ? `${sent.value.phoneNumber} · ${sent.value.status ?? ''}` : sent.refusal || t('refused'));
    void load();
  };

  return (
    <>
      <header>{t('banner')}</header>
      <main>
        <section>
          <h2>{t('createTitle')}</h2>
          <CreateForm
            api={api}
            t={t}
            accounts={accounts}
            languages={data.languages}
            wabaId={wabaId}
            onWaba={setWabaId}
            onCreated={() => void load()}
          />
        </section>
        <section>
          <h2>{t('templatesTitle')}</h2>
          <TemplatesTable api={api} t={t} templates={templates} onDone={done} />
        </section>
        <section>
          <h2>{t('numbersTitle')}</h2>
          <p>
            <button type="button" data-testid="add-test-number" onClick={addTestNumber}>
              {t('addTestNumber')}
            </button>{' '}
            <span data-testid="test-number-note" role="status">
              {note}
            </span>
          </p>
          <NumbersTable api={api} t={t} numbers={numbers} onDone={done} />
        </section>
      </main>
    </>
  );
}
