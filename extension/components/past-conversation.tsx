import { useEffect, useState } from 'preact/hooks';
import type { PastConversation } from '../../shared/api/customer-context.ts';
import { type AgentError, describeError } from '../utils/agent-error.ts';
import { locale, t } from '../utils/i18n.ts';
import { ErrorNote } from './error-note.tsx';
import { MessageBubble } from './message-bubble.tsx';

/**
 * An ended conversation, read-only: its transcript (notes included, photos and media loaded like
 * the live one's), closure reason and wrap-up note.
 */
export function PastConversationView({
  load,
  loadMedia,
  onBack,
}: {
  load: () => Promise<PastConversation>;
  loadMedia: (mediaId: string) => Promise<Blob>;
  onBack: () => void;
}) {
  const [past, setPast] = useState<PastConversation | AgentError | undefined>();
  // Loaded once: the caller keys this view by the conversation it opens.
  useEffect(() => {
    load().then(setPast, (failure: unknown) => setPast(describeError('loadPast', failure)));
  }, []);
  return (
    <section class="customer-drawer" data-testid="past-conversation">
      <button type="button" class="link" onClick={onBack} data-testid="past-back">
        ← {t('back')}
      </button>
      <small>{t('readOnly')}</small>
      {past && 'text' in past && <ErrorNote error={past} />}
      {past && 'messages' in past && (
        <>
          <h3>{past.customerName}</h3>
          <p>
            {new Date(past.endedAt).toLocaleString(locale)} · {past.agentName} · {t('closureReason')}:{' '}
            {past.closureReason}
          </p>
          {past.note && <p data-testid="past-note">“{past.note}”</p>}
          {past.messages.map((message) => (
            <MessageBubble key={message.id} message={message} customerInitials="" loadMedia={loadMedia} />
          ))}
        </>
      )}
    </section>
  );
}
