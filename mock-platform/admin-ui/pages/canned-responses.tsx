import { useEffect, useRef } from 'preact/hooks';
import { type CannedDraft, checkCannedDraft, variableHelp } from '../canned-check.ts';
import { CrudPage } from '../crud.tsx';
import { useChannels } from '../data.ts';
import { language, t } from '../i18n.ts';
import type { CannedResponse } from '../types.ts';
import { ChannelChecks, Checkbox, type Errors, errorAt, Field, SelectField, TextField } from '../ui.tsx';
import './canned-responses.css';

const PREVIEW = 80;

/**
 * Digital settings → Canned responses (issue 16): name, `/shortcut`, text with variables, language,
 * all channels or some. Agents pick them from the composer by typing `/`.
 */
export function CannedResponsesPage() {
  const channels = useChannels();
  const all = channels.data?.channels ?? [];
  const channelNames = (row: CannedResponse) =>
    row.allChannels
      ? t('allChannels')
      : row.channelIds.map((id) => all.find((c) => c.id === id)?.name ?? id).join(', ');
  return (
    <CrudPage<CannedResponse, CannedDraft>
      title={t('cannedResponses')}
      intro={<p>{t('cannedIntro')}</p>}
      path="canned-responses"
      testid="canned-responses-page"
      columns={[
        { sort: 'name', label: t('name'), render: (row) => row.name },
        { sort: 'shortcut', label: t('shortcut'), render: (row) => <code>/{row.shortcut}</code> },
        { sort: 'language', label: t('cannedLanguage'), render: (row) => t(`lang_${row.language}`) },
        { label: t('cannedChannels'), render: channelNames },
        {
          label: t('cannedText'),
          render: (row) => (row.text.length > PREVIEW ? `${row.text.slice(0, PREVIEW)}…` : row.text),
        },
      ]}
      blank={() => ({
        name: '',
        shortcut: '',
        text: '',
        language: language(),
        allChannels: true,
        channelIds: [],
      })}
      fromRow={(row) => ({
        name: row.name,
        shortcut: row.shortcut,
        text: row.text,
        language: row.language,
        allChannels: row.allChannels,
        channelIds: row.channelIds,
      })}
      toBody={(draft) => ({
        ...draft,
        name: draft.name.trim(),
        shortcut: draft.shortcut.trim(),
        channelIds: draft.allChannels ? [] : draft.channelIds,
      })}
      check={checkCannedDraft}
      Editor={({ draft, set, errors }) => (
        <>
          <TextField
            label={t('name')}
            name="name"
            value={draft.name}
            onChange={(name) => set({ ...draft, name })}
            errors={errors}
          />
          <TextField
            label={t('shortcut')}
            name="shortcut"
            value={draft.shortcut}
            onChange={(shortcut) => set({ ...draft, shortcut })}
            errors={errors}
            hint={t('shortcutHint')}
            placeholder="saludo"
          />
          <SelectField
            label={t('cannedLanguage')}
            name="language"
            value={draft.language}
            onChange={(language) => set({ ...draft, language })}
            options={[
              { value: 'en', label: t('lang_en') },
              { value: 'es', label: t('lang_es') },
            ]}
            errors={errors}
            hint={t('cannedLanguageHint')}
          />
          <CannedText value={draft.text} onChange={(text) => set({ ...draft, text })} errors={errors} />
          <Checkbox
            label={t('forAllChannels')}
            checked={draft.allChannels}
            testid="field-allChannels"
            onChange={(allChannels) => set({ ...draft, allChannels })}
          />
          {draft.allChannels ? (
            errorAt(errors, 'channelIds') && (
              <p class="field-error" role="alert" data-testid="error-channelIds">
                {errorAt(errors, 'channelIds')}
              </p>
            )
          ) : (
            <ChannelChecks
              label={t('cannedChannels')}
              name="channelIds"
              channels={all}
              selected={draft.channelIds}
              onChange={(channelIds) => set({ ...draft, channelIds })}
              errors={errors}
            />
          )}
        </>
      )}
    />
  );
}

/**
 * The response's text, with the variables it may use listed under it: a click inserts one where
 * the cursor is. A component of its own (not part of the called editor) so it can keep a ref.
 */
function CannedText({ value, onChange, errors }: { value: string; onChange: (text: string) => void; errors: Errors }) {
  const box = useRef<HTMLTextAreaElement>(null);
  /** Where the cursor goes once the inserted variable is rendered. */
  const caret = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (caret.current === undefined || !box.current) return;
    box.current.focus();
    box.current.setSelectionRange(caret.current, caret.current);
    caret.current = undefined;
  }, [value]);
  const insert = (variable: string) => {
    const token = `{{${variable}}}`;
    const start = box.current?.selectionStart ?? value.length;
    const end = box.current?.selectionEnd ?? value.length;
    caret.current = start + token.length;
    onChange(value.slice(0, start) + token + value.slice(end));
  };
  return (
    <Field label={t('cannedText')} name="text" error={errorAt(errors, 'text')}>
      <textarea
        ref={box}
        rows={5}
        name="text"
        value={value}
        data-testid="field-text"
        aria-invalid={errorAt(errors, 'text') ? 'true' : undefined}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
      <span class="hint">{t('cannedTextHint')}</span>
      <ul class="variables" data-testid="variables">
        {variableHelp.map(({ variable, key }) => (
          <li key={variable}>
            <button
              type="button"
              class="link"
              data-testid={`insert-${variable}`}
              aria-label={t('insertVariable', { variable: `{{${variable}}}` })}
              onClick={() => insert(variable)}
            >
              <code>{`{{${variable}}}`}</code>
            </button>{' '}
            {t(key)}
          </li>
        ))}
      </ul>
    </Field>
  );
}
