import type { MessageView } from '../../shared/api/schemas.ts';
import { t } from '../utils/i18n.ts';
import { MessageQuote } from './message-quote.tsx';

/** Above the reply box while the reply quotes a customer's message: what it quotes, and a way out (✕ or Esc). */
export function ReplyBanner({
  quoted,
  customerName,
  onCancel,
}: {
  quoted: MessageView;
  customerName: string;
  onCancel: () => void;
}) {
  return (
    <div class="reply-banner" role="status" data-testid="reply-banner">
      <div>
        {t('replyingTo', { name: customerName })}
        <MessageQuote quoted={quoted} testId="reply-banner-quote" />
      </div>
      <button
        type="button"
        class="link"
        aria-label={t('cancelReply')}
        title={t('cancelReply')}
        onClick={onCancel}
        data-testid="reply-cancel"
      >
        ✕
      </button>
    </div>
  );
}
