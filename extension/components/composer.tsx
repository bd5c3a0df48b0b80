import { useState } from 'preact/hooks';
import { TEXT_BODY_MAX } from '../../shared/whatsapp/send-schema.ts';
import { t } from '../utils/i18n.ts';

/** The reply box: 4096 characters with a counter; Enter sends, Shift+Enter starts a new line. */
export function Composer({
  placeholder,
  disabled,
  onSend,
  onFocusChange,
}: {
  placeholder: string;
  disabled: boolean;
  onSend: (text: string) => Promise<boolean>;
  /** The reply field gained or lost the focus (the SLA state is shown while it has it). */
  onFocusChange?: (focused: boolean) => void;
}) {
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const empty = text.trim().length === 0;

  async function send() {
    if (empty || sending || disabled) return;
    setSending(true);
    const sent = await onSend(text);
    setSending(false);
    if (sent) setText('');
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <textarea
        data-testid="composer-input"
        value={text}
        maxLength={TEXT_BODY_MAX}
        placeholder={placeholder}
        disabled={disabled}
        rows={3}
        onInput={(event) => setText(event.currentTarget.value)}
        onFocus={() => onFocusChange?.(true)}
        onBlur={() => onFocusChange?.(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <div class="composer-footer">
        <span class={`counter ${text.length > TEXT_BODY_MAX - 100 ? 'near-limit' : ''}`} data-testid="composer-counter">
          {text.length}/{TEXT_BODY_MAX}
        </span>
        <button type="submit" class="primary" disabled={empty || sending || disabled} data-testid="composer-send">
          {sending ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}
