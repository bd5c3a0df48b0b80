import type { ManagerT } from './i18n.ts';
import type { ButtonDraft, ButtonKind } from './template-request.ts';

const KIND_WORDS = {
  QUICK_REPLY: 'quickReply',
  URL: 'visitWebsite',
  PHONE_NUMBER: 'callPhone',
  COPY_CODE: 'copyCode',
} as const;

interface Props {
  button: ButtonDraft;
  t: ManagerT;
  onChange: (button: ButtonDraft) => void;
  onRemove: () => void;
}

/** One button of the template: its kind, and the fields that kind has (the others hidden, not lost). */
export function ButtonRow({ button, t, onChange, onRemove }: Props) {
  const kind = button.type;
  const field = (name: 'text' | 'url' | 'phone' | 'example') => ({
    value: button[name],
    onInput: (event: Event) => onChange({ ...button, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <div class="button-row" data-testid="button-row">
      <select
        data-testid="button-type"
        value={kind}
        onChange={(event) => onChange({ ...button, type: event.currentTarget.value as ButtonKind })}
      >
        {Object.entries(KIND_WORDS).map(([value, key]) => (
          <option key={value} value={value}>
            {t(key)}
          </option>
        ))}
      </select>
      <input
        data-testid="button-text"
        placeholder={t('buttonText')}
        size={14}
        maxLength={25}
        hidden={kind === 'COPY_CODE'}
        {...field('text')}
      />
      <input
        data-testid="button-url"
        placeholder="https://…/{{1}}"
        size={26}
        hidden={kind !== 'URL'}
        {...field('url')}
      />
      <input
        data-testid="button-phone"
        placeholder="+34612345678"
        size={14}
        hidden={kind !== 'PHONE_NUMBER'}
        {...field('phone')}
      />
      <input
        data-testid="button-example"
        placeholder={kind === 'COPY_CODE' ? t('buttonCode') : t('buttonExample')}
        size={14}
        hidden={kind !== 'URL' && kind !== 'COPY_CODE'}
        {...field('example')}
      />
      <button type="button" onClick={onRemove}>
        {t('removeButton')}
      </button>
    </div>
  );
}
