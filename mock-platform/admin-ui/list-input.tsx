import { useEffect, useState } from 'preact/hooks';

/** Splits what the administrator typed ("ES, MX" or "2026-12-25 2027-01-01") into its items. */
export function parseList(text: string, normalise: (item: string) => string = (item) => item): string[] {
  return text
    .split(/[,\s]+/)
    .map((item) => normalise(item.trim()))
    .filter(Boolean);
}

/**
 * A text box for a list typed with commas or spaces. It keeps exactly what is typed (a trailing
 * ", " included) and hands the parsed list up on each keystroke: re-rendering the list as the box's
 * value made the comma vanish as soon as it was typed. It only takes the outside value when that
 * list changes for another reason (a reset, a loaded record).
 */
export function ListInput({
  value,
  onChange,
  normalise,
  ...rest
}: {
  value: readonly string[];
  onChange: (items: string[]) => void;
  normalise?: (item: string) => string;
  name?: string;
  placeholder?: string;
  'aria-label'?: string;
  'aria-invalid'?: 'true' | undefined;
  'data-testid'?: string;
}) {
  const [text, setText] = useState(value.join(', '));
  // Only an outside change of the list resets the box; `text` is what the administrator is typing.
  useEffect(() => {
    if (parseList(text, normalise).join('\n') !== value.join('\n')) setText(value.join(', '));
  }, [value.join('\n')]);
  return (
    <input
      {...rest}
      value={text}
      onInput={(event) => {
        setText(event.currentTarget.value);
        onChange(parseList(event.currentTarget.value, normalise));
      }}
    />
  );
}
