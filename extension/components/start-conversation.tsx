import { useEffect, useState } from 'preact/hooks';
import type { AgentChannel, TemplateView } from '../../shared/api/schemas.ts';
import { fillTemplate } from '../../shared/whatsapp/text-limits.ts';
import { describeError, errorLine } from '../utils/agent-error.ts';
import { t } from '../utils/i18n.ts';
import './start-conversation.css';

/**
 * Start a WhatsApp conversation (BY-2): the number (from the console page's "WhatsApp" button, or
 * typed), a channel the agent's role may send templates on, an approved template and its
 * variables with a preview. WhatsApp checks consent; its refusal is shown as is.
 */
export function StartConversation({
  number,
  loadChannels,
  loadTemplates,
  onStart,
  onClose,
}: {
  number: string;
  loadChannels: () => Promise<AgentChannel[]>;
  loadTemplates: (channelId: string) => Promise<TemplateView[]>;
  onStart: (request: {
    channelId: string;
    to: string;
    template: { name: string; language: string; parameters: string[] };
  }) => Promise<string | undefined>;
  onClose: () => void;
}) {
  const [to, setTo] = useState(number);
  const [channels, setChannels] = useState<AgentChannel[] | undefined>(undefined);
  const [channelId, setChannelId] = useState('');
  const [templates, setTemplates] = useState<TemplateView[]>([]);
  const [choice, setChoice] = useState('');
  const [values, setValues] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  useEffect(() => setTo(number), [number]);
  useEffect(() => {
    loadChannels().then(
      (list) => {
        setChannels(list);
        setChannelId(list[0]?.id ?? '');
      },
      (failure: unknown) => setError(errorLine(describeError('loadTemplates', failure))),
    );
  }, []);
  useEffect(() => {
    if (!channelId) return;
    setChoice('');
    loadTemplates(channelId).then(setTemplates, (failure: unknown) =>
      setError(errorLine(describeError('loadTemplates', failure))),
    );
  }, [channelId]);

  const template = templates.find((tpl) => `${tpl.name}|${tpl.language}` === choice);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!template) return;
    setBusy(true);
    const failure = await onStart({
      channelId,
      to,
      template: { name: template.name, language: template.language, parameters: values.slice(0, template.variables) },
    });
    setBusy(false);
    if (failure) setError(failure);
  };

  return (
    <form
      class="start-conversation"
      aria-label={t('startConversation')}
      data-testid="start-conversation"
      onSubmit={submit}
    >
      <h2>{t('startConversation')}</h2>
      <label>
        {t('customerNumber')}
        <input
          class="start-field"
          value={to}
          onInput={(e) => setTo(e.currentTarget.value)}
          data-testid="start-number"
        />
      </label>
      {channels && channels.length === 0 ? (
        <p class="form-error" role="alert">
          {t('noStartChannels')}
        </p>
      ) : (
        <label>
          {t('channel')}
          <select
            class="start-field"
            value={channelId}
            onChange={(e) => setChannelId(e.currentTarget.value)}
            data-testid="start-channel"
          >
            {(channels ?? []).map((channel) => (
              <option key={channel.id} value={channel.id}>
                {channel.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('template')}
        <select
          class="start-field"
          value={choice}
          onChange={(e) => {
            setChoice(e.currentTarget.value);
            setValues([]);
          }}
          data-testid="start-template"
        >
          <option value="">{t('chooseTemplate')}</option>
          {templates.map((tpl) => (
            <option key={`${tpl.name}|${tpl.language}`} value={`${tpl.name}|${tpl.language}`}>
              {tpl.name} ({tpl.language})
            </option>
          ))}
        </select>
      </label>
      {template &&
        Array.from({ length: template.variables }, (_, i) => (
          <label key={i}>
            {t('variable', { n: String(i + 1) })}
            <input
              class="start-field"
              value={values[i] ?? ''}
              onInput={(e) => {
                const next = [...values];
                next[i] = e.currentTarget.value;
                setValues(next);
              }}
              data-testid={`start-variable-${i + 1}`}
            />
          </label>
        ))}
      {template && (
        <p class="template-preview" data-testid="start-preview">
          {fillTemplate(
            template.body,
            values.map((value) => value.trim()).filter((_, i) => i < template.variables),
          )}
        </p>
      )}
      {error && (
        <p class="form-error" role="alert" data-testid="start-error">
          {error}
        </p>
      )}
      <div class="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
        <button
          type="submit"
          class="primary"
          disabled={
            busy || !template || values.slice(0, template.variables).filter((v) => v.trim()).length < template.variables
          }
          data-testid="start-send"
        >
          {t('send')}
        </button>
      </div>
    </form>
  );
}
