import { useEffect, useState } from 'preact/hooks';
import type { RichMessageView } from '../../shared/api/schemas.ts';
import { describeError, errorLine } from '../utils/agent-error.ts';
import { t } from '../utils/i18n.ts';
import './rich-message-picker.css';

/**
 * The rich messages assigned to the conversation's channel (TP-3): quick replies, rich links,
 * list and time-slot pickers, each with a preview; sending one puts it in the transcript, and the
 * customer's choice comes back as their message.
 */
export function RichMessagePicker({
  conversationId,
  load,
  onSend,
}: {
  conversationId: string;
  load: () => Promise<RichMessageView[]>;
  onSend: (richMessageId: string) => Promise<boolean>;
}) {
  const [items, setItems] = useState<RichMessageView[] | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  // Loaded once per conversation (`load` is a new function on every render of the panel).
  useEffect(() => {
    let current = true;
    setItems(undefined);
    setError(undefined);
    load().then(
      (value) => current && setItems(value),
      (failure: unknown) => current && setError(errorLine(describeError('loadRich', failure))),
    );
    return () => {
      current = false;
    };
  }, [conversationId]);

  if (error)
    return (
      <p class="templates-unavailable" role="alert">
        {error}
      </p>
    );
  if (!items) return <p class="templates-loading">{t('loadingTemplates')}</p>;
  if (items.length === 0) {
    return (
      <p class="templates-unavailable" data-testid="no-rich-messages">
        {t('noRichMessages')}
      </p>
    );
  }
  return (
    <ul class="rich-list" data-testid="rich-messages">
      {items.map((item) => (
        <li key={item.id} data-testid="rich-message" data-id={item.id}>
          <div>
            <strong>{item.name}</strong> <span class="rich-kind">{t(`rich_${item.kind}`)}</span>
            <p class="rich-preview">{item.preview}</p>
          </div>
          <button
            type="button"
            disabled={busy !== undefined}
            class="rich-send"
            data-testid="send-rich"
            aria-label={`${t('send')} ${item.name}`}
            onClick={async () => {
              setBusy(item.id);
              await onSend(item.id);
              setBusy(undefined);
            }}
          >
            {t('send')}
          </button>
        </li>
      ))}
    </ul>
  );
}
