import { t } from '../utils/i18n.ts';
import type { CannedPickerState } from './use-canned-picker.ts';

/** The list of canned responses under a reply box that starts with `/` (the box keeps the focus). */
export function CannedPicker({ picker, id }: { picker: CannedPickerState; id: string }) {
  const { status, matches, active, query } = picker;
  const note =
    status === 'loading'
      ? '…'
      : status === 'failed'
        ? t('cannedFailed')
        : matches.length === 0
          ? query
            ? t('cannedNone', { query })
            : t('cannedEmpty')
          : undefined;
  return (
    <div class="canned-picker" data-testid="canned-picker">
      <div>
        <strong>{t('cannedTitle')}</strong> · {t('cannedHint')}
      </div>
      {note ? (
        <p role="status" data-testid="canned-note">
          {note}
        </p>
      ) : (
        <div id={id} role="listbox" class="canned-list" aria-label={t('cannedTitle')}>
          {matches.map((response, index) => (
            <div
              key={response.id}
              tabIndex={-1}
              id={`${id}-${index}`}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'active' : ''}
              data-testid="canned-option"
              data-shortcut={response.shortcut}
              // Keep the focus in the reply box: a click inserts without blurring it.
              onMouseDown={(event) => {
                event.preventDefault();
                picker.pick(response);
              }}
            >
              <strong>
                /{response.shortcut} · {response.name}
              </strong>
              <span>{response.text}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
