import type { MessageView } from '../../shared/api/schemas.ts';
import { t } from '../utils/i18n.ts';

/**
 * A quoted message (WhatsApp's `context`): who wrote it and its first lines, above the reply in
 * the transcript or above the reply box while the agent writes one.
 */
export function MessageQuote({
  quoted,
  testId = 'message-quote',
}: {
  quoted: NonNullable<MessageView['replyTo']> | MessageView;
  testId?: string;
}) {
  const media = typeof quoted.media === 'object' ? true : quoted.media;
  return (
    <div class="quote" data-testid={testId}>
      <strong>{quoted.direction === 'inbound' ? t('quotedCustomer') : t('you')}</strong>
      <span dir="auto">{quoted.text || (media ? t('photo') : '')}</span>
    </div>
  );
}
