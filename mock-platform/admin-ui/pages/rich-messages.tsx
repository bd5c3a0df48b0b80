import { CrudPage } from '../crud.tsx';
import { useChannels } from '../data.ts';
import { t } from '../i18n.ts';
import type { RichMessage } from '../types.ts';
import { ChannelChecks, errorAt, Field, SelectField, TextField } from '../ui.tsx';
import { TimeSlotsField } from './time-slots-field.tsx';

type Kind = RichMessage['content']['kind'];
type Draft = {
  name: string;
  channelIds: string[];
  kind: Kind;
  text: string;
  /** One per line: quick-reply options, list items ("title | description") or time slots. */
  lines: string;
  title: string;
  url: string;
  description: string;
  button: string;
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function toContent(draft: Draft): RichMessage['content'] {
  switch (draft.kind) {
    case 'quick_replies':
      return { kind: 'quick_replies', text: draft.text, options: lines(draft.lines) };
    case 'rich_link':
      return {
        kind: 'rich_link',
        title: draft.title,
        url: draft.url,
        ...(draft.description ? { description: draft.description } : {}),
      };
    case 'list_picker':
      return {
        kind: 'list_picker',
        text: draft.text,
        button: draft.button,
        items: lines(draft.lines).map((line) => {
          const [title = '', description] = line.split('|').map((part) => part.trim());
          return { title, ...(description ? { description } : {}) };
        }),
      };
    case 'time_picker':
      return { kind: 'time_picker', text: draft.text, slots: lines(draft.lines) };
  }
}

function fromContent(content: RichMessage['content']): Omit<Draft, 'name' | 'channelIds'> {
  const empty = { text: '', lines: '', title: '', url: '', description: '', button: '' };
  switch (content.kind) {
    case 'quick_replies':
      return { ...empty, kind: content.kind, text: content.text, lines: content.options.join('\n') };
    case 'rich_link':
      return {
        ...empty,
        kind: content.kind,
        title: content.title,
        url: content.url,
        description: content.description ?? '',
      };
    case 'list_picker':
      return {
        ...empty,
        kind: content.kind,
        text: content.text,
        button: content.button,
        lines: content.items
          .map((item) => (item.description ? `${item.title} | ${item.description}` : item.title))
          .join('\n'),
      };
    case 'time_picker':
      return { ...empty, kind: content.kind, text: content.text, lines: content.slots.join('\n') };
  }
}

const kinds: Kind[] = ['quick_replies', 'rich_link', 'list_picker', 'time_picker'];

/** Rich messages (TP-3): defined once, assigned to several channels. */
export function RichMessagesPage() {
  const channels = useChannels();
  const all = channels.data?.channels ?? [];
  return (
    <CrudPage<RichMessage, Draft>
      title={t('richMessages')}
      intro={<p>{t('richIntro')}</p>}
      path="rich-messages"
      testid="rich-messages-page"
      columns={[
        { sort: 'name', label: t('name'), render: (row) => row.name },
        { label: t('kind'), render: (row) => t(row.content.kind) },
        {
          label: t('channels'),
          render: (row) =>
            row.channelIds.length === 0 ? (
              <span class="muted">{t('notAssigned')}</span>
            ) : (
              row.channelIds.map((id) => all.find((c) => c.id === id)?.name ?? id).join(', ')
            ),
        },
      ]}
      blank={() => ({ name: '', channelIds: [], ...fromContent({ kind: 'quick_replies', text: '', options: [] }) })}
      fromRow={(row) => ({ name: row.name, channelIds: row.channelIds, ...fromContent(row.content) })}
      toBody={(draft) => ({ name: draft.name, channelIds: draft.channelIds, content: toContent(draft) })}
      Editor={({ draft, set, errors }) => {
        const text = (key: 'text' | 'title' | 'url' | 'description' | 'button', label: string, hint?: string) => (
          <TextField
            label={label}
            name={`content.${key}`}
            value={draft[key]}
            onChange={(value) => set({ ...draft, [key]: value })}
            errors={errors}
            {...(hint ? { hint } : {})}
          />
        );
        const linesName =
          draft.kind === 'quick_replies'
            ? 'content.options'
            : draft.kind === 'list_picker'
              ? 'content.items'
              : 'content.slots';
        return (
          <>
            <TextField
              label={t('name')}
              name="name"
              value={draft.name}
              onChange={(name) => set({ ...draft, name })}
              errors={errors}
            />
            <SelectField
              label={t('kind')}
              name="kind"
              value={draft.kind}
              options={kinds.map((kind) => ({ value: kind, label: t(kind) }))}
              onChange={(kind) => set({ ...draft, kind })}
              errors={errors}
            />
            {draft.kind === 'rich_link' ? (
              <>
                {text('title', t('title'))}
                {text('url', t('url'))}
                {text('description', t('descriptionOptional'))}
              </>
            ) : (
              <>
                {text('text', t('messageText'))}
                {draft.kind === 'list_picker' && text('button', t('buttonLabel'), t('max20'))}
                {draft.kind === 'time_picker' ? (
                  <TimeSlotsField
                    name={linesName}
                    value={draft.lines}
                    onChange={(value) => set({ ...draft, lines: value })}
                    errors={errors}
                  />
                ) : (
                  <Field
                    label={t(`${draft.kind}Lines`)}
                    error={errorAt(errors, linesName)}
                    name={linesName}
                    hint={t(`${draft.kind}Hint`)}
                  >
                    <textarea
                      rows={4}
                      value={draft.lines}
                      data-testid={`field-${linesName}`}
                      onInput={(event) => set({ ...draft, lines: event.currentTarget.value })}
                    />
                  </Field>
                )}
              </>
            )}
            <ChannelChecks
              label={t('assignedChannels')}
              name="channelIds"
              channels={all}
              selected={draft.channelIds}
              onChange={(channelIds) => set({ ...draft, channelIds })}
              errors={errors}
            />
          </>
        );
      }}
    />
  );
}
