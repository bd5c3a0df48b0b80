import { t, weekdayName } from '../i18n.ts';
import { ListInput } from '../list-input.tsx';
import type { Channel, Condition } from '../types.ts';
import { type Errors, errorAt } from '../ui.tsx';
import './conditions.css';

type Field = Condition['field'];
const FIELDS: Field[] = [
  'text',
  'channel',
  'customerCountry',
  'customerKnown',
  'businessHours',
  'weekday',
  'localTime',
];

/** A new condition of a kind, with a sensible starting value. */
function blankCondition(field: Field, channels: Channel[]): Condition {
  switch (field) {
    case 'text':
      return { field, op: 'contains', value: '' };
    case 'channel':
      return { field, op: 'is', value: channels[0]?.id ?? '' };
    case 'customerCountry':
      return { field, op: 'in', value: [] };
    case 'customerKnown':
      return { field, op: 'is', value: true };
    case 'businessHours':
      return { field, op: 'is', value: 'closed' };
    case 'weekday':
      return { field, op: 'in', value: [6, 7] };
    case 'localTime':
      return { field, op: 'between', value: ['09:00', '17:00'] };
  }
}

/** How a condition reads in a flow: "text contains “invoice”". */
export function describeCondition(condition: Condition, channels: Channel[]): string {
  switch (condition.field) {
    case 'text':
      return `${t('condText')} ${t(condition.op)} “${condition.value}”`;
    case 'channel':
      return `${t('condChannel')} = ${channels.find((c) => c.id === condition.value)?.name ?? condition.value}`;
    case 'customerCountry':
      return `${t('condCountry')} ∈ ${condition.value.join(', ')}`;
    case 'customerKnown':
      return condition.value ? t('knownCustomer') : t('newCustomer');
    case 'businessHours':
      return condition.value === 'open' ? t('duringHours') : t('outsideHours');
    case 'weekday':
      return `${t('condWeekday')} ∈ ${condition.value.map((d) => weekdayName(d)).join(', ')}`;
    case 'localTime':
      return `${t('condTime')} ${condition.value[0]}–${condition.value[1]}`;
  }
}

export function ConditionsEditor({
  conditions,
  onChange,
  channels,
  name,
  errors = {},
}: {
  conditions: Condition[];
  onChange: (conditions: Condition[]) => void;
  channels: Channel[];
  name: string;
  /** The form's field errors: each condition's (a pattern RE2 refuses…) is shown under it. */
  errors?: Errors;
}) {
  const replace = (index: number, condition: Condition) =>
    onChange(conditions.map((c, i) => (i === index ? condition : c)));
  return (
    <div class="conditions" data-testid={`conditions-${name}`}>
      {conditions.map((condition, index) => (
        <div class="condition" key={index}>
          <select
            aria-label={t('conditionField')}
            value={condition.field}
            onChange={(event) => replace(index, blankCondition(event.currentTarget.value as Field, channels))}
          >
            {FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(`field_${field}`)}
              </option>
            ))}
          </select>
          <ConditionValue condition={condition} onChange={(next) => replace(index, next)} channels={channels} />
          <button
            type="button"
            class="link"
            aria-label={t('removeCondition')}
            onClick={() => onChange(conditions.filter((_, i) => i !== index))}
          >
            ×
          </button>
          {errorAt(errors, `${name}.${index}`) && (
            <span class="field-error condition-error" role="alert" data-testid={`error-${name}.${index}`}>
              {errorAt(errors, `${name}.${index}`)}
            </span>
          )}
        </div>
      ))}
      <button
        type="button"
        class="link"
        data-testid={`add-condition-${name}`}
        onClick={() => onChange([...conditions, blankCondition('text', channels)])}
      >
        + {t('addCondition')}
      </button>
    </div>
  );
}

function ConditionValue({
  condition,
  onChange,
  channels,
}: {
  condition: Condition;
  onChange: (condition: Condition) => void;
  channels: Channel[];
}) {
  switch (condition.field) {
    case 'text':
      return (
        <>
          <select
            aria-label={t('operator')}
            value={condition.op}
            onChange={(e) => onChange({ ...condition, op: e.currentTarget.value as 'contains' })}
          >
            {(['contains', 'equals', 'matches'] as const).map((op) => (
              <option key={op} value={op}>
                {t(op)}
              </option>
            ))}
          </select>
          <input
            aria-label={t('value')}
            value={condition.value}
            data-testid="condition-value"
            onInput={(e) => onChange({ ...condition, value: e.currentTarget.value })}
          />
        </>
      );
    case 'channel':
      return (
        <select
          aria-label={t('value')}
          value={condition.value}
          onChange={(e) => onChange({ ...condition, value: e.currentTarget.value })}
        >
          {channels.map((channel) => (
            <option key={channel.id} value={channel.id}>
              {channel.name}
            </option>
          ))}
        </select>
      );
    case 'customerCountry':
      return (
        <ListInput
          aria-label={t('countries')}
          placeholder="ES, MX"
          value={condition.value}
          normalise={(code) => code.toUpperCase()}
          onChange={(value) => onChange({ ...condition, value })}
        />
      );
    case 'customerKnown':
      return (
        <select
          aria-label={t('value')}
          value={String(condition.value)}
          onChange={(e) => onChange({ ...condition, value: e.currentTarget.value === 'true' })}
        >
          <option value="true">{t('knownCustomer')}</option>
          <option value="false">{t('newCustomer')}</option>
        </select>
      );
    case 'businessHours':
      return (
        <select
          aria-label={t('value')}
          value={condition.value}
          onChange={(e) => onChange({ ...condition, value: e.currentTarget.value as 'open' })}
        >
          <option value="open">{t('duringHours')}</option>
          <option value="closed">{t('outsideHours')}</option>
        </select>
      );
    case 'weekday':
      return (
        <span class="weekdays">
          {[1, 2, 3, 4, 5, 6, 7].map((day) => (
            <label key={day}>
              <input
                type="checkbox"
                checked={condition.value.includes(day)}
                onChange={(e) =>
                  onChange({
                    ...condition,
                    value: e.currentTarget.checked
                      ? [...condition.value, day].sort()
                      : condition.value.filter((d) => d !== day),
                  })
                }
              />
              {weekdayName(day).slice(0, 3)}
            </label>
          ))}
        </span>
      );
    case 'localTime':
      return (
        <>
          <input
            type="time"
            aria-label={t('from')}
            value={condition.value[0]}
            onInput={(e) => onChange({ ...condition, value: [e.currentTarget.value, condition.value[1]] })}
          />
          –
          <input
            type="time"
            aria-label={t('to')}
            value={condition.value[1]}
            onInput={(e) => onChange({ ...condition, value: [condition.value[0], e.currentTarget.value] })}
          />
        </>
      );
  }
}
