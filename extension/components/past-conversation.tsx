import { useEffect, useState } from 'preact/hooks';
import type { PastConversation } from '../../shared/api/customer-context.ts';
import { initials } from '../../shared/initials.ts';
import { locale, t } from '../utils/i18n.ts';
import { MessageBubble } from './message-bubble.tsx';

/** An ended conversation, read-only: its transcript (notes included), closure reason and wrap-up note. */
export function PastConversationView({ load, onBack }: { load: () => Promise<PastConversation>; onBack: () => void }) {
  const [past, setPast] = useState<PastConversation | undefined>();
  const [error, setError] = useState<string | undefined>();
  // Loaded once: the caller keys this view by the conversation it opens.
  useEffect(() => {
    load().then(setPast, (failure: Error) => setError(failure.message));
  }, []);
  return (
    <section class="customer-drawer" data-testid="past-conversation">
      <header>
        <button type="button" class="link" onClick={onBack} data-testid="past-back">
          ← {t('back')}
        </button>
        <strong>{past?.customerName}</strong>
        <small>{t('readOnly')}</small>
      </header>
      {error && (
        <p class="form-error" role="alert">
          {error}
        </p>
      )}
      {past && (
        <>
          <p data-testid="past-closure">
            {new Date(past.endedAt).toLocaleString(locale)} · {past.agentName} · {t('closureReason')}:{' '}
            {past.closureReason ?? '—'}
          </p>
          {past.note && <p data-testid="past-note">“{past.note}”</p>}
          <div data-testid="past-transcript">
            {past.messages.map((message) => (
              <MessageBubble key={message.id} message={message} customerInitials={initials(past.customerName)} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
