import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ClosureReasonView } from '../../shared/api/schemas.ts';
import type { AgentError } from '../utils/agent-error.ts';
import { t } from '../utils/i18n.ts';
import { ErrorNote } from './error-note.tsx';

/**
 * The wrap-up: a searchable list of closure reasons (one must be chosen) and an optional note.
 * A native <dialog>, so focus is trapped and Escape cancels.
 */
export function EndDialog({
  reasons,
  onSubmit,
  onCancel,
  offers,
  error,
  title = t('endTitle'),
  submitLabel = t('submitWrapUp'),
}: {
  title?: string;
  submitLabel?: string;
  reasons: ClosureReasonView[];
  onSubmit: (wrapUp: { closureReasonId: string; note?: string }) => Promise<void>;
  onCancel: () => void;
  /** Pending offers, shown inside the dialog: outside it the page is inert while it is open. */
  offers?: ComponentChildren;
  /** Why the last submit failed: the page behind the modal dialog cannot show it. */
  error?: AgentError | undefined;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const needle = query.trim().toLocaleLowerCase();
  const shown = reasons.filter((reason) => reason.name.toLocaleLowerCase().includes(needle));

  async function submit(event: Event) {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    try {
      await onSubmit(note.trim() ? { closureReasonId: chosen, note: note.trim() } : { closureReasonId: chosen });
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} class="end-dialog" data-testid="end-dialog" onCancel={onCancel} onClose={onCancel}>
      {offers}
      <form method="dialog" onSubmit={submit}>
        <h2>{title}</h2>
        <input
          type="search"
          placeholder={t('searchReasons')}
          aria-label={t('searchReasons')}
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          data-testid="closure-search"
        />
        <fieldset class="reasons">
          <legend>{t('closureReason')}</legend>
          {shown.length === 0 && <p class="empty">{t('noReasons')}</p>}
          {shown.map((reason) => (
            <label key={reason.id} class="reason">
              <input
                type="radio"
                name="closureReason"
                value={reason.id}
                checked={chosen === reason.id}
                onChange={() => setChosen(reason.id)}
                data-testid="closure-reason"
              />
              {reason.name}
            </label>
          ))}
        </fieldset>
        <label class="note">
          {t('wrapUpNote')}
          <textarea value={note} maxLength={2000} rows={2} onInput={(event) => setNote(event.currentTarget.value)} />
        </label>
        {error && <ErrorNote error={error} testId="dialog-error" />}
        <div class="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
          <button type="submit" class="primary" disabled={!chosen || busy} data-testid="submit-wrap-up">
            {submitLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
