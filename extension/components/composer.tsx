import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { CannedResponseView } from '../../shared/api/canned-response-view.ts';
import { TEXT_BODY_MAX } from '../../shared/whatsapp/text-limits.ts';
import { locale, t } from '../utils/i18n.ts';
import { CannedPicker } from './canned-picker.tsx';
import { useCannedPicker } from './use-canned-picker.ts';

/**
 * The reply box of one conversation: its draft (kept by the desk, per conversation), 4096
 * characters with a counter; Enter sends, Shift+Enter starts a new line. The send carries the
 * conversation id and the text as they were at the key press. `/` at the start searches the
 * canned responses; typing tells the customer (`onTyping`, throttled by the desk).
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
  loadCanned,
  onTyping,
  onEscape,
  extras,
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
  /** This conversation's canned responses, filled for it; without it `/` is plain text. */
  loadCanned?: (() => Promise<CannedResponseView[]>) | undefined;
  /** The agent typed in this box (for the typing indicator). */
  onTyping?: ((conversationId: string) => void) | undefined;
  /** Esc with no list open (cancels a quoted reply). */
  onEscape?: (() => void) | undefined;
  /** Toggles shown beside Send (the template and rich-message pickers): one line less above the box. */
  extras?: ComponentChildren;
}) {
  const [cut, setCut] = useState(false);
  // Set by a paste that does not fit; read by the input event that follows it.
  const pasteOverflows = useRef(false);
  const empty = text.trim().length === 0;
  const picker = useCannedPicker({
    text,
    load: loadCanned,
    language: locale.toLowerCase().startsWith('es') ? 'es' : 'en',
    onInsert: (next) => onTextChange(conversationId, next.slice(0, TEXT_BODY_MAX)),
  });
  const listId = `canned-${conversationId}`;

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
      {picker.open && <CannedPicker picker={picker} id={listId} />}
      <textarea
        data-testid="composer-input"
        dir="auto"
        value={text}
        maxLength={TEXT_BODY_MAX}
        placeholder={placeholder}
        disabled={disabled}
        rows={2}
        aria-autocomplete="list"
        aria-controls={picker.open ? listId : undefined}
        aria-activedescendant={picker.matches.length > 0 ? `${listId}-${picker.active}` : undefined}
        onInput={(event) => {
          setCut(pasteOverflows.current);
          pasteOverflows.current = false;
          const value = event.currentTarget.value;
          onTextChange(conversationId, value);
          if (value.trim()) onTyping?.(conversationId);
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
          if (picker.onKeyDown(event)) return;
          if (event.key === 'Escape') onEscape?.();
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
        {extras}
        <button type="submit" class="primary" disabled={empty || sending || disabled} data-testid="composer-send">
          {sending ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}
