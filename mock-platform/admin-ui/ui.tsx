import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, issueText } from './api.ts';
import { t } from './i18n.ts';

/** Small form and layout pieces shared by the admin pages. Every value is rendered as text. */

export type Errors = Record<string, string>;

/** Loads data for a page and reloads on demand; `error` is the API's message. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  // Only the latest load is shown: a slow answer to an earlier search must not replace a newer one.
  const latest = useRef(0);
  const reload = useCallback(() => {
    const call = ++latest.current;
    load().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(undefined);
      },
      (failure: unknown) => {
        if (call === latest.current) setError(failure instanceof Error ? failure.message : String(failure));
      },
    );
  }, deps);
  useEffect(reload, [reload]);
  return { data, error, reload };
}

/** Runs a save: field errors and the message on failure, `done` on success. */
export function useSave() {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | undefined>(undefined);
  /** Each refused field in words ("name: no puede estar vacío"), for forms that do not show it beside a field. */
  const [details, setDetails] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  /** Runs the request; a refusal's fields and message are kept for the form, and `onFailure` sees it too. */
  const run = async <T,>(
    action: () => Promise<T>,
    onFailure?: (failure: ApiFailure) => void,
  ): Promise<T | undefined> => {
    setBusy(true);
    try {
      const result = await action();
      setErrors({});
      setMessage(undefined);
      setDetails([]);
      return result;
    } catch (failure) {
      if (failure instanceof ApiFailure) {
        setErrors(failure.fieldErrors);
        const fields = failure.code === 'validation_failed' && failure.issues.length > 0;
        // Field messages sit next to their fields; the summary line says so in plain words.
        // A refusal whose message is its one field's (WhatsApp refusing to subscribe the app) is said in the UI's language.
        const named = failure.issues.length === 1 && failure.issues[0]?.message === failure.message;
        setMessage(
          fields ? t('fixFields') : named && failure.issues[0] ? issueText(failure.issues[0]) : failure.message,
        );
        setDetails(fields ? failure.issues.map((issue) => `${issue.path}: ${issueText(issue)}`) : []);
        onFailure?.(failure);
      } else {
        setMessage(String(failure));
        setDetails([]);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    setErrors({});
    setMessage(undefined);
    setDetails([]);
  };
  /** Shows field errors found before asking the platform (already in the UI's language). */
  const refuse = (found: Errors) => {
    setErrors(found);
    setMessage(t('fixFields'));
    setDetails(Object.entries(found).map(([path, text]) => `${path}: ${text}`));
  };
  return { errors, message, details, busy, run, reset, refuse };
}

/** The error for a field, or for anything under it (`channels.ch_1` under `channels`). */
export function errorAt(errors: Errors, path: string): string | undefined {
  if (errors[path]) return errors[path];
  const nested = Object.entries(errors).find(([key]) => key.startsWith(`${path}.`));
  return nested?.[1];
}

export function Field({
  label,
  error,
  hint,
  children,
  name,
}: {
  label: string;
  error?: string | undefined;
  hint?: string;
  children: ComponentChildren;
  name: string;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is one of the children
    <label class={`field ${error ? 'invalid' : ''}`}>
      <span class="label">{label}</span>
      {children}
      {hint && <span class="hint">{hint}</span>}
      {error && (
        <span class="field-error" role="alert" data-testid={`error-${name}`}>
          {error}
        </span>
      )}
    </label>
  );
}

/** The few input attributes text fields pass through. */
type InputProps = {
  type?: 'text' | 'url' | 'password' | 'email';
  autocomplete?: string;
  placeholder?: string;
  required?: boolean;
  list?: string;
};

export function TextField({
  label,
  name,
  value,
  onChange,
  errors,
  hint,
  ...rest
}: InputProps & {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  errors: Errors;
  hint?: string;
}) {
  return (
    <Field label={label} error={errorAt(errors, name)} hint={hint} name={name}>
      <input
        // Preact 11's input types are a union per `type`; these few attributes are valid on all of them.
        {...(rest as Record<string, unknown>)}
        name={name}
        value={value}
        data-testid={`field-${name}`}
        aria-invalid={errorAt(errors, name) ? 'true' : undefined}
        onInput={(event) => onChange(event.currentTarget.value)}
      />
    </Field>
  );
}

export function NumberField({
  label,
  name,
  value,
  onChange,
  errors,
  hint,
  min,
  max,
}: {
  label: string;
  name: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  errors: Errors;
  hint?: string;
  min?: number;
  max?: number;
}) {
  return (
    <Field label={label} error={errorAt(errors, name)} hint={hint} name={name}>
      <input
        type="number"
        name={name}
        min={min}
        max={max}
        value={value ?? ''}
        data-testid={`field-${name}`}
        onInput={(event) => {
          const raw = event.currentTarget.value;
          onChange(raw === '' ? undefined : Number(raw));
        }}
      />
    </Field>
  );
}

export function SelectField<V extends string>({
  label,
  name,
  value,
  onChange,
  options,
  errors,
  hint,
  placeholder,
}: {
  label: string;
  name: string;
  value: V | '';
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  errors: Errors;
  hint?: string;
  placeholder?: string;
}) {
  return (
    <Field label={label} error={errorAt(errors, name)} hint={hint} name={name}>
      <select
        name={name}
        value={value}
        data-testid={`field-${name}`}
        onChange={(event) => onChange(event.currentTarget.value as V)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  testid,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testid?: string;
}) {
  return (
    <label class="checkbox">
      <input
        type="checkbox"
        checked={checked}
        data-testid={testid}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
      <span>{label}</span>
    </label>
  );
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as days, hours and minutes (SL-2), stored in milliseconds. */
export function DurationField({
  label,
  name,
  value,
  onChange,
  errors,
}: {
  label: string;
  name: string;
  value: number;
  onChange: (ms: number) => void;
  errors: Errors;
}) {
  const parts = {
    days: Math.floor(value / DAY),
    hours: Math.floor((value % DAY) / HOUR),
    minutes: Math.floor((value % HOUR) / MINUTE),
  };
  const set = (part: keyof typeof parts, amount: number) => {
    const next = { ...parts, [part]: Number.isFinite(amount) ? Math.max(0, Math.trunc(amount)) : 0 };
    onChange(next.days * DAY + next.hours * HOUR + next.minutes * MINUTE);
  };
  return (
    <Field label={label} error={errorAt(errors, name)} name={name}>
      <span class="duration" data-testid={`field-${name}`}>
        {(['days', 'hours', 'minutes'] as const).map((part) => (
          <span key={part}>
            <input
              type="number"
              min={0}
              max={part === 'days' ? 365 : part === 'hours' ? 23 : 59}
              value={parts[part]}
              aria-label={`${label}: ${t(part)}`}
              data-testid={`field-${name}-${part}`}
              onInput={(event) => set(part, Number(event.currentTarget.value))}
            />
            {t(part)}
          </span>
        ))}
      </span>
    </Field>
  );
}

export function Card({
  title,
  children,
  actions,
  testid,
}: {
  title?: string;
  children: ComponentChildren;
  actions?: ComponentChildren;
  testid?: string;
}) {
  return (
    <section class="card" data-testid={testid}>
      {(title || actions) && (
        <header class="card-header">
          {title && <h2>{title}</h2>}
          {actions && <div class="card-actions">{actions}</div>}
        </header>
      )}
      {children}
    </section>
  );
}

/**
 * A form's or page's error line. With `details` (each refused field), they are listed when the
 * form shows none of them beside a field, so no refusal is ever left unexplained.
 */
export function ErrorText({ message, details = [] }: { message: string | undefined; details?: string[] }) {
  const line = useRef<HTMLParagraphElement>(null);
  const [orphans, setOrphans] = useState(false);
  useEffect(() => {
    const form = line.current?.closest('form') ?? line.current?.parentElement;
    setOrphans(details.length > 0 && !form?.querySelector('.field-error'));
  }, [message, details]);
  return message ? (
    <div class="error" role="alert" data-testid="form-error" ref={line}>
      {message}
      {orphans && (
        <ul class="error-details">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </div>
  ) : null;
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** Channel checkboxes: none ticked means "all channels" where the caller says so. */
export function ChannelChecks({
  channels,
  selected,
  onChange,
  name,
  errors,
  label,
  hint,
}: {
  channels: readonly { id: string; name: string; phoneNumber: string }[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  name: string;
  errors: Errors;
  label: string;
  hint?: string;
}) {
  return (
    <fieldset class="checks" data-testid={`field-${name}`}>
      <legend>{label}</legend>
      {channels.map((channel) => (
        <Checkbox
          key={channel.id}
          label={`${channel.name} (${channel.phoneNumber})`}
          checked={selected.includes(channel.id)}
          testid={`${name}-${channel.id}`}
          onChange={(on) => onChange(on ? [...selected, channel.id] : selected.filter((id) => id !== channel.id))}
        />
      ))}
      {hint && <span class="hint">{hint}</span>}
      {errorAt(errors, name) && (
        <span class="field-error" role="alert" data-testid={`error-${name}`}>
          {errorAt(errors, name)}
        </span>
      )}
    </fieldset>
  );
}
