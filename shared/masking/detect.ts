import { detectCreditCards } from './credit-card.ts';
import { detectEmails } from './email.ts';
import { detectIbans } from './iban.ts';
import { detectPhones } from './phone.ts';
import { detectSsns } from './ssn.ts';
import type { DetectOptions, SensitiveKind, SensitiveSpan } from './types.ts';

// When two findings overlap, the more specific one wins: a card's digits can look like a phone
// number, an email's local part can hold digits.
const priority: Record<SensitiveKind, number> = { email: 5, iban: 4, credit_card: 3, ssn: 2, phone: 1 };

function withoutOverlaps(found: SensitiveSpan[], taken: SensitiveSpan[] = []): SensitiveSpan[] {
  const kept = [...taken];
  const ordered = [...found].sort(
    (a, b) => priority[b.kind] - priority[a.kind] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  for (const span of ordered) {
    if (kept.every((other) => span.end <= other.start || span.start >= other.end)) kept.push(span);
  }
  return kept.slice(taken.length);
}

/**
 * Finds card numbers, IBANs, US SSNs, emails and phone numbers in `text`, each validated (Luhn,
 * mod-97, SSA rules, libphonenumber). Returns sorted, non-overlapping spans.
 *
 * Phone numbers are looked for last, in the text with the other findings starred out exactly as
 * masking will star them: libphonenumber reads a run of digits as one candidate, so a card right
 * after a phone number would otherwise hide the phone number, and the masked text would then
 * reveal a phone number the original did not (masking would not be idempotent).
 */
export function detectSensitive(text: string, options: DetectOptions = {}): SensitiveSpan[] {
  const structured = withoutOverlaps([
    ...detectEmails(text),
    ...detectIbans(text),
    ...detectCreditCards(text),
    ...detectSsns(text),
  ]);
  let starred = text;
  for (const span of structured) {
    starred = starred.slice(0, span.start) + '*'.repeat(span.end - span.start) + starred.slice(span.end);
  }
  const phones = withoutOverlaps(detectPhones(starred, options.regions ?? []), structured);
  return [...structured, ...phones].sort((a, b) => a.start - b.start);
}
