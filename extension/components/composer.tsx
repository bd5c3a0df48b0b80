import { useRef, useState } from 'preact/hooks';
import { TEXT_BODY_MAX } from '../../shared/whatsapp/send-schema.ts';
import { locale, t } from '../utils/i18n.ts';

/**
 * The reply box of one conversation: its draft (kept by the desk, per conversation), 4096
 * characters with a counter; Enter sends, Shift+Enter starts a new line. The send carries the
 * conversation id and the text as they were at the key press.
 */
export function Composer({
  conversationId,
  text,
  sending,
  placeholder,
  disabled,
  onTextChange,
  onSend,
  onFocusChange,
}: {
  conversationId: string;
  text: string;
  sending: boolean;
  placeholder: string;
  disabled: boolean;
  onTextChange: (conversationId: string, text: string) => void;
  onSend: (conversationId: string, text: string) => void;
  /** The reply field gained or lost the focus (the SLA state is shown while it has it). */
  onFocusChange?: (focused: boolean) => void;
}) {
  const [cut, setCut] = useState(false);
  // Set by a paste that does not fit; read by the input event that follows it.
  const pasteOverflows = useRef(false);
  const empty = text.trim().length === 0;

  function send() {
    if (empty || sending || disabled) return;
    onSend(conversationId, text);
  }

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <textarea
        data-testid="composer-input"
        dir="auto"
        value={text}
        maxLength={TEXT_BODY_MAX}
        placeholder={placeholder}
        disabled={disabled}
        rows={3}
        onInput={(event) => {
          setCut(pasteOverflows.current);
          pasteOverflows.current = false;
          onTextChange(conversationId, event.currentTarget.value);
        }}
        onPaste={(event) => {
          // The box stops at the limit; say so instead of dropping the rest of a paste silently.
          const pasted = event.clipboardData?.getData('text/plain') ?? '';
          const box = event.currentTarget;
          const kept = box.value.length - (box.selectionEnd - box.selectionStart);
          pasteOverflows.current = kept + pasted.length > TEXT_BODY_MAX;
        }}
        onFocus={() => onFocusChange?.(true)}
        onBlur={() => onFocusChange?.(false)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            send();
          }
        }}
      />
      {cut && (
        <p class="form-error" role="alert" data-testid="composer-cut">
          {t('pasteCut', { max: TEXT_BODY_MAX.toLocaleString(locale) })}
        </p>
      )}
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
