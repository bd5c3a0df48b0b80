import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageView } from '../../shared/api/schemas.ts';
import { failureOf, needsTemplate } from '../utils/failure-reason.ts';
import { t } from '../utils/i18n.ts';

/**
 * Under a reply that did not reach the customer: why, in plain words (Meta's code and text as the
 * detail), and what the agent can do: send it again, or a template when the window has closed.
 */
export function FailedReply({
  message,
  onRetry,
  onSendTemplate,
}: {
  message: MessageView;
  onRetry?: ((messageId: string) => Promise<unknown>) | undefined;
  onSendTemplate?: (() => void) | undefined;
}) {
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  // A failure reported on the newest message grows its bubble: keep the reason and actions in view.
  useEffect(() => {
    const element = box.current;
    if (element && !element.closest('.message')?.nextElementSibling) element.scrollIntoView?.({ block: 'nearest' });
  }, []);
  const failure = failureOf(message);
  if (!failure) return null;
  const template = needsTemplate(message) && onSendTemplate;
  const retry = message.retryable && onRetry && !needsTemplate(message);
  return (
    <div class="failure" ref={box} role="alert" data-testid="message-failure" data-code={failure.code ?? ''}>
      <p class="failure-reason" data-testid="failure-reason">
        {t(failure.reason)}
      </p>
      {failure.code !== undefined && failure.detail && (
        <p class="failure-detail" data-testid="failure-detail">
          {t('failDetail', { code: String(failure.code), detail: failure.detail })}
        </p>
      )}
      {(retry || template) && (
        <div class="failure-actions">
          {retry && (
            <button
              type="button"
              disabled={busy}
              data-testid="retry-message"
              onClick={async () => {
                setBusy(true);
                try {
                  await onRetry(message.id);
                } finally {
                  setBusy(false);
                }
              }}
            >
              {t('retry')}
            </button>
          )}
          {template && (
            <button type="button" class="link" data-testid="send-template-instead" onClick={onSendTemplate}>
              {t('sendTemplateInstead')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
