import { useState } from 'preact/hooks';
import { ButtonRow } from './button-row.tsx';
import type { ManagerT } from './i18n.ts';
import type { Account, ManagerApi } from './manager-api.ts';
import { type ButtonDraft, type HeaderFormat, type TemplateDraft, templateComponents } from './template-request.ts';

export interface TemplateLanguage {
  code: string;
  name: string;
}

interface Props {
  api: ManagerApi;
  t: ManagerT;
  accounts: readonly Account[];
  languages: readonly TemplateLanguage[];
  wabaId: string;
  onWaba: (id: string) => void;
  /** A template was created: the list reloads. */
  onCreated: () => void;
}

const CATEGORIES = ['UTILITY', 'MARKETING', 'AUTHENTICATION'] as const;
const FORMATS = [
  ['', 'headerNone'],
  ['TEXT', 'headerText'],
  ['IMAGE', 'headerImage'],
  ['VIDEO', 'headerVideo'],
  ['DOCUMENT', 'headerDocument'],
] as const;

const EMPTY: TemplateDraft = {
  headerFormat: '',
  headerText: '',
  headerExample: '',
  body: '',
  examples: '',
  footer: '',
  buttons: [],
};

/**
 * The form that creates a template (TP-1): Meta's languages, a text or media header, variables with
 * examples, buttons. The server applies the Graph API's rules; each refusal shows with its field.
 */
export function CreateForm({ api, t, accounts, languages, wabaId, onWaba, onCreated }: Props) {
  const [name, setName] = useState('');
  const [language, setLanguage] = useState('en_US');
  const [category, setCategory] = useState<string>('UTILITY');
  const [draft, setDraft] = useState(EMPTY);
  const [nextKey, setNextKey] = useState(0);
  const [error, setError] = useState('');
  const set = (change: Partial<TemplateDraft>) => setDraft((current) => ({ ...current, ...change }));
  const text = (key: 'headerText' | 'headerExample' | 'body' | 'examples' | 'footer') => ({
    value: draft[key],
    onInput: (event: Event) => set({ [key]: (event.currentTarget as HTMLInputElement).value }),
  });
  const setButton = (key: number, button: ButtonDraft | undefined) =>
    setDraft((current) => ({
      ...current,
      buttons: button
        ? current.buttons.map((b) => (b.key === key ? button : b))
        : current.buttons.filter((b) => b.key !== key),
    }));
  const addButton = () => {
    set({
      buttons: [...draft.buttons, { key: nextKey, type: 'QUICK_REPLY', text: '', url: '', phone: '', example: '' }],
    });
    setNextKey(nextKey + 1);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const sent = await api.createTemplate(wabaId, { name, language, category, components: templateComponents(draft) });
    if (!sent.ok) {
      setError(sent.refusal || t('refused'));
      return;
    }
    setError('');
    setName('');
    setDraft((current) => ({ ...current, body: '', examples: '', buttons: [] }));
    onCreated();
  };

  const format = draft.headerFormat;
  return (
    <form data-testid="create-template" onSubmit={submit}>
      <label>
        {t('account')}{' '}
        <select value={wabaId} onChange={(event) => onWaba(event.currentTarget.value)}>
          {accounts.map((account) => (
            <option key={account.id} value={account.id}>
              {account.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('name')}{' '}
        <input
          data-testid="template-name"
          placeholder="appointment_reminder"
          value={name}
          onInput={(event) => setName(event.currentTarget.value)}
        />
      </label>
      <label>
        {t('language')}{' '}
        <select
          data-testid="template-language"
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value)}
        >
          {languages.map((l) => (
            <option key={l.code} value={l.code}>
              {`${l.code} · ${l.name}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('category')}{' '}
        <select value={category} onChange={(event) => setCategory(event.currentTarget.value)}>
          {CATEGORIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      </label>
      <label>
        {t('header')}{' '}
        <select
          data-testid="header-format"
          value={format}
          onChange={(event) => set({ headerFormat: event.currentTarget.value as HeaderFormat })}
        >
          {FORMATS.map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </label>
      <label hidden={format !== 'TEXT'}>
        {t('headerTextLabel')} <input maxLength={60} data-testid="header-text" {...text('headerText')} />
      </label>
      <label class="wide" hidden={!format}>
        <span>
          {format === 'TEXT' ? t('headerTextExample') : t('headerMediaExample', { format: format.toLowerCase() })}
        </span>{' '}
        <input data-testid="header-example" {...text('headerExample')} />
      </label>
      <label class="wide">
        {t('body')} <textarea rows={3} data-testid="template-body" {...text('body')} />
      </label>
      <label class="wide">
        {t('examples')}{' '}
        <input data-testid="template-examples" placeholder="María | Monday 10:00" {...text('examples')} />
      </label>
      <label class="wide">
        {t('footer')} <input maxLength={60} {...text('footer')} />
      </label>
      <fieldset class="wide" data-testid="buttons">
        <legend>{t('buttons')}</legend>
        <div>
          {draft.buttons.map((button) => (
            <ButtonRow
              key={button.key}
              button={button}
              t={t}
              onChange={(changed) => setButton(button.key, changed)}
              onRemove={() => setButton(button.key, undefined)}
            />
          ))}
        </div>
        <button type="button" data-testid="add-button" onClick={addButton}>
          {t('addButton')}
        </button>
      </fieldset>
      <p class="error" role="alert" data-testid="create-error">
        {error}
      </p>
      <div>
        <button class="primary" type="submit" data-testid="submit-template">
          {t('submit')}
        </button>
      </div>
    </form>
  );
}
