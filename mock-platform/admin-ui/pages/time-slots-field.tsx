import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n.ts';
import { type Errors, errorAt } from '../ui.tsx';
import './time-slots-field.css';

const MAX_SLOTS = 10;
const parse = (value: string) => (value === '' ? [] : value.split('\n'));
/** The times a value holds, empty rows aside. */
const times = (value: string) => parse(value).filter(Boolean).join('\n');

/**
 * A time-slot picker's times, each picked with the browser's date-and-time control (so 31 February
 * cannot be typed), each with its own error from the platform (in the past, offered twice).
 * `value` keeps one time per line, an empty line for a row just added.
 */
export function TimeSlotsField({
  value,
  onChange,
  errors,
  name,
}: {
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
  name: string;
}) {
  // The rows live here: a row just added is empty, and an empty list and one empty row would read
  // the same as text. Only an outside change of the times (a record loaded) resets them.
  const [slots, setSlots] = useState(parse(value));
  useEffect(() => {
    if (times(slots.join('\n')) !== times(value)) setSlots(parse(value));
  }, [value]);
  const change = (next: string[]) => {
    setSlots(next);
    onChange(next.join('\n'));
  };
  return (
    <fieldset class="checks time-slots" data-testid={`field-${name}`}>
      <legend>{t('time_pickerLines')}</legend>
      {slots.map((slot, index) => {
        const error = errorAt(errors, `${name}.${index}`);
        return (
          <div class={`slot ${error ? 'invalid' : ''}`} key={index}>
            <input
              type="datetime-local"
              step={60}
              value={slot}
              aria-label={t('slotN', { n: String(index + 1) })}
              aria-invalid={error ? 'true' : undefined}
              data-testid={`slot-${index}`}
              onInput={(event) => change(slots.map((s, i) => (i === index ? event.currentTarget.value : s)))}
            />
            <button
              type="button"
              class="link"
              aria-label={t('removeSlotN', { n: String(index + 1) })}
              onClick={() => change(slots.filter((_, i) => i !== index))}
            >
              ×
            </button>
            {error && (
              <span class="field-error" role="alert" data-testid={`error-${name}.${index}`}>
                {error}
              </span>
            )}
          </div>
        );
      })}
      {slots.length < MAX_SLOTS && (
        <button type="button" class="link" data-testid="add-slot" onClick={() => change([...slots, ''])}>
          + {t('addSlot')}
        </button>
      )}
      <span class="hint">{t('time_pickerHint')}</span>
      {errors[name] && (
        <span class="field-error" role="alert" data-testid={`error-${name}`}>
          {errors[name]}
        </span>
      )}
    </fieldset>
  );
}
