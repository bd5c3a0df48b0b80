import type { DeliveryStatus, MessageView } from '../../shared/api/schemas.ts';
import { formatMessageTime } from '../utils/format.ts';
import { type MessageKey, t } from '../utils/i18n.ts';
import { FailedReply } from './failed-reply.tsx';
import { MessageAttachment } from './message-attachment.tsx';
import { MessageQuote } from './message-quote.tsx';

const tickText: Record<DeliveryStatus, string> = {
  sending: '🕓',
  pending: '🕓',
  sent: '✓',
  delivered: '✓✓',
  read: '✓✓',
  failed: '!',
};
const statusLabel: Record<DeliveryStatus, MessageKey> = {
  sending: 'statusPending',
  pending: 'statusPending',
  sent: 'statusSent',
  delivered: 'statusDelivered',
  read: 'statusRead',
  failed: 'statusFailed',
};

/**
 * Customer messages: gray bubbles with the customer's initials. Agent messages: solid blue, with
 * delivery ticks. Text is rendered as text (Preact escapes it), never as HTML.
 */
export function MessageBubble({
  message,
  customerInitials,
  loadMedia,
  reaction,
  onRetry,
  onSendTemplate,
  onReply,
}: {
  message: MessageView;
  customerInitials: string;
  loadMedia?: ((mediaId: string) => Promise<Blob>) | undefined;
  /** The customer's reaction to this message (an emoji). */
  reaction?: string | undefined;
  /** Sends a failed reply again; absent when the agent cannot (no Reply, window closed). */
  onRetry?: ((messageId: string) => Promise<unknown>) | undefined;
  /** Opens the template picker; absent when the agent cannot send templates. */
  onSendTemplate?: (() => void) | undefined;
  /** Quotes this customer message in the next reply; absent when the agent cannot reply. */
  onReply?: ((message: MessageView) => void) | undefined;
}) {
  if (message.direction === 'system') {
    return (
      <p class="system-message" data-testid="system-message">
        {message.text}
      </p>
    );
  }
  if (message.direction === 'note') {
    // A private note: only agents see it (never sent to the customer), so it looks like neither side.
    return (
      <p class="note-message" data-testid="note-message">
        {t('note')} · {message.senderName}: {message.text}
      </p>
    );
  }
  const inbound = message.direction === 'inbound';
  return (
    <div
      class={`message ${inbound ? 'inbound' : 'outbound'}`}
      data-testid={inbound ? 'customer-message' : 'agent-message'}
    >
      {inbound && (
        <span class="avatar small" aria-hidden="true">
          {customerInitials}
        </span>
      )}
      <div class="bubble">
        {!inbound && message.senderName && <div class="signature">{message.senderName}</div>}
        {message.automatic && (
          <div class="signature" data-testid="automatic-message">
            {t('automaticMessage')}
          </div>
        )}
        {message.replyTo && <MessageQuote quoted={message.replyTo} />}
        <MessageAttachment message={message} load={loadMedia} />
        {message.text && (
          <div class="text" dir="auto">
            {message.text}
          </div>
        )}
        <div class="meta">
          {formatMessageTime(message.timestamp, Date.now())}
          {inbound && onReply && (
            <button
              type="button"
              class="link reply-action"
              onClick={() => onReply(message)}
              data-testid="reply-to-message"
            >
              {t('replyAction')}
            </button>
          )}
          {!inbound && message.status && (
            <span
              class={`ticks ${message.status}`}
              data-testid="delivery-status"
              data-status={message.status}
              title={t(statusLabel[message.status])}
            >
              <span aria-hidden="true">{tickText[message.status]}</span>
              <span class="visually-hidden">{t(statusLabel[message.status])}</span>
            </span>
          )}
        </div>
        {reaction && (
          <span class="reaction" title={t('reactions', { emoji: reaction })} data-testid="message-reaction">
            {reaction}
          </span>
        )}
        {!inbound && message.status === 'failed' && (
          <FailedReply message={message} onRetry={onRetry} onSendTemplate={onSendTemplate} />
        )}
      </div>
    </div>
  );
}
