import { useEffect, useRef, useState } from 'preact/hooks';
import type { TemplateView } from '../../../shared/api/schemas.ts';
import { type AgentError, describeFailure } from '../../../shared/errors/describe-failure.ts';
import type { ErrorWordKey } from '../../../shared/errors/error-words.ts';
import type { PickerWords } from './i18n.ts';
import { type PickerApi, PickerFailure } from './picker-api.ts';

type Status = { kind: 'ok' | 'error'; error: AgentError } | undefined;
type View =
  | { kind: 'loading' }
  | { kind: 'failed'; error: AgentError }
  | { kind: 'list'; templates: TemplateView[]; status?: Status }
  | { kind: 'form'; templates: TemplateView[]; template: TemplateView };

/** The template's body with each `{{n}}` replaced by the n-th value, when there is one. */
export const fillBody = (body: string, values: readonly string[]) =>
  body.replace(/{{(\d+)}}/g, (match, n: string) => values[Number(n) - 1] || match);

/**
 * The template picker (TP-6), in the agent's panel frame: the channel's approved templates, then
 * one with its variables, a live preview and Send. Refusals are worded like the side panel's
 * (shared/errors): what did not happen, what to do, and the code as a small detail.
 */
export function Picker({ api, words }: { api: PickerApi; words: PickerWords }) {
  const { t, sayError } = words;
  const [view, setView] = useState<View>({ kind: 'loading' });
  const describe = (head: ErrorWordKey, error: unknown): AgentError =>
    error instanceof PickerFailure && error.expired
      ? { text: t('expired') }
      : describeFailure(head, error instanceof PickerFailure ? error.refusal : undefined, sayError);

  useEffect(() => {
    api.templates().then(
      (templates) => setView({ kind: 'list', templates }),
      (error: unknown) => setView({ kind: 'failed', error: describe('didLoadTemplates', error) }),
    );
  }, [api]);
  // The panel's tests (and a slow frame) wait for this before acting.
  useEffect(() => {
    if (view.kind !== 'loading') document.body.dataset.ready = 'true';
  }, [view.kind]);

  if (view.kind === 'loading') return null;
  if (view.kind === 'failed') {
    return (
      <p role="alert" class="status error" data-testid="template-status">
        <ErrorText error={view.error} />
      </p>
    );
  }
  if (view.kind === 'form') {
    return (
      <TemplateForm
        template={view.template}
        words={words}
        back={() => setView({ kind: 'list', templates: view.templates })}
        send={async (parameters) => {
          try {
            await api.send(view.template, parameters);
            setView({ kind: 'list', templates: view.templates, status: { kind: 'ok', error: { text: t('sent') } } });
            return undefined;
          } catch (error) {
            return describe('didTemplate', error);
          }
        }}
      />
    );
  }
  const { templates, status } = view;
  return (
    <>
      <p class="status">{t('choose')}</p>
      {templates.length > 0 ? (
        <ul>
          {templates.map((template) => (
            <li key={`${template.name}:${template.language}`}>
              <button
                type="button"
                data-testid="template-option"
                data-name={template.name}
                onClick={() => setView({ kind: 'form', templates, template })}
              >
                <span class="name">{template.name}</span>
                <span class="lang">{template.language}</span>
                <span class="body">{template.body}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">{t('none')}</p>
      )}
      <StatusLine status={status} />
    </>
  );
}

function TemplateForm({
  template,
  words: { t },
  back,
  send,
}: {
  template: TemplateView;
  words: PickerWords;
  back: () => void;
  /** Sends; resolves to the refusal's words, or undefined once sent. */
  send: (parameters: string[]) => Promise<AgentError | undefined>;
}) {
  const [values, setValues] = useState<string[]>(() => Array.from({ length: template.variables }, () => ''));
  const [status, setStatus] = useState<Status>();
  const [sending, setSending] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const parameters = values.map((value) => value.trim());

  return (
    <form
      onSubmit={async (event) => {
        event.preventDefault();
        if (parameters.some((value) => !value)) {
          setStatus({ kind: 'error', error: { text: t('fill') } });
          return;
        }
        setSending(true);
        const refused = await send(parameters);
        if (refused) {
          setStatus({ kind: 'error', error: refused });
          setSending(false);
        }
      }}
    >
      <span class="name">{`${template.name} · ${template.language}`}</span>
      {values.map((value, i) => (
        <label key={i}>
          {`${t('variable')} {{${i + 1}}}`}
          <input
            ref={i === 0 ? first : undefined}
            required
            maxLength={1024}
            value={value}
            data-testid={`template-variable-${i + 1}`}
            onInput={(event) => {
              const next = [...values];
              next[i] = event.currentTarget.value;
              setValues(next);
            }}
          />
        </label>
      ))}
      <div class="preview" data-testid="template-preview">
        {fillBody(template.body, parameters)}
      </div>
      <div class="actions">
        <button type="submit" disabled={sending} data-testid="template-send">
          {t('send')}
        </button>
        <button type="button" class="secondary" onClick={back}>
          {t('back')}
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}

function StatusLine({ status }: { status: Status }) {
  return (
    <p class={`status ${status?.kind ?? ''}`} role="status" data-testid="template-status">
      {status && <ErrorText error={status.error} />}
    </p>
  );
}

/** A refusal in plain words, with Meta's or the platform's code small underneath. */
function ErrorText({ error }: { error: AgentError }) {
  return (
    <>
      {error.text}
      {error.detail && (
        <small class="detail" data-testid="template-error-detail">
          {error.detail}
        </small>
      )}
    </>
  );
}
