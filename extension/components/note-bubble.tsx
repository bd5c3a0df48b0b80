import type { MessageView } from '../../shared/api/schemas.ts';
import { formatMessageTime } from '../utils/format.ts';
import { t } from '../utils/i18n.ts';

/** An agent's private note in the transcript: set apart from what the customer sees (never sent). */
export function NoteBubble({ message }: { message: MessageView }) {
  return (
    <div class="note-message" data-testid="note-message" role="note">
      <small>
        📝 {t('note')} · {message.senderName} · {formatMessageTime(message.timestamp, Date.now())}
      </small>
      <div dir="auto">{message.text}</div>
    </div>
  );
}
