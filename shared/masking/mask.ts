import { detectSensitive } from './detect.ts';
import type { DetectOptions, SensitiveKind } from './types.ts';

const VISIBLE = 4;

function keepLast(value: string, visible: number): string {
  return value.length <= visible
    ? '*'.repeat(value.length)
    : '*'.repeat(value.length - visible) + value.slice(-visible);
}

/**
 * How one detected value is shown to agents:
 * - phone: white space dropped, every character but the last four becomes `*`
 *   (`+447966197542` → `*********7542`, `+ 1 (123) 456 7890` → `**********7890`);
 * - email: the local part's first character and the whole domain stay (`m******@gmail.com`);
 * - card, IBAN, SSN: every character but the last four becomes `*`.
 */
export function maskValue(kind: SensitiveKind, value: string): string {
  switch (kind) {
    case 'phone':
      return keepLast(value.replace(/\s+/g, ''), VISIBLE);
    case 'email': {
      const at = value.lastIndexOf('@');
      const local = Array.from(value.slice(0, at));
      return `${local[0] ?? ''}${'*'.repeat(Math.max(0, local.length - 1))}${value.slice(at)}`;
    }
    case 'credit_card':
    case 'iban':
    case 'ssn':
      return keepLast(value, VISIBLE);
  }
}

/** `text` with every detected sensitive value masked; everything else unchanged. */
export function maskSensitive(text: string, options: DetectOptions = {}): string {
  const spans = detectSensitive(text, options);
  if (spans.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const span of spans) {
    result += text.slice(cursor, span.start) + maskValue(span.kind, text.slice(span.start, span.end));
    cursor = span.end;
  }
  return result + text.slice(cursor);
}
