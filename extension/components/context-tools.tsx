import { useEffect, useState } from 'preact/hooks';
import { NOTE_MAX } from '../../shared/api/customer-context.ts';
import { type AgentError, describeError } from '../utils/agent-error.ts';
import type { ContextApi } from '../utils/context-api.ts';
import { t } from '../utils/i18n.ts';
import { CustomerDrawer } from './customer-drawer.tsx';
import { ErrorNote } from './error-note.tsx';
import '../styles/context.css';

/**
 * Beside the composer: the private note toggle with its form, and the customer view. A saved
 * note reaches the transcript through the event stream, like every message.
 */
export function ContextTools({
  api,
  conversationId,
  liveTags,
}: {
  api: ContextApi;
  conversationId: string;
  /** The customer's tags as another participant just changed them (the event stream). */
  liveTags?: string[] | undefined;
}) {
  const [open, setOpen] = useState<'note' | 'customer' | undefined>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<AgentError | undefined>();
  useEffect(() => setOpen(undefined), [conversationId]);
  const close = () => setOpen(undefined);
  const toggle = (what: 'note' | 'customer', label: string) => (
    <button
      type="button"
      class="link"
      aria-expanded={open === what}
      onClick={() => {
        setError(undefined);
        setOpen(open === what ? undefined : what);
      }}
      data-testid={`toggle-${what}`}
    >
      {label}
    </button>
  );
  return (
    <>
      <div>
        {toggle('note', t('note'))}
        {toggle('customer', t('customer'))}
      </div>
      {open === 'note' && (
        <form
          class="note-composer"
          data-testid="note-composer"
          onSubmit={(event) => {
            event.preventDefault();
            api.addNote(conversationId, note).then(
              () => {
                setNote('');
                close();
              },
              (failure: unknown) => setError(describeError('note', failure)),
            );
          }}
        >
          <textarea
            value={note}
            maxLength={NOTE_MAX}
            aria-label={t('note')}
            onInput={(event) => setNote(event.currentTarget.value)}
            data-testid="note-input"
          />
          <button type="submit" disabled={!note.trim()} data-testid="note-add">
            {t('noteAdd')}
          </button>
          {error && <ErrorNote error={error} />}
        </form>
      )}
      {open === 'customer' && (
        <CustomerDrawer api={api} conversationId={conversationId} liveTags={liveTags} onClose={close} />
      )}
    </>
  );
}
