/**
 * Phone numbers in international format (`+34 612 345 678`, `+1 (614) 555-1234`) in a page's
 * text: the in-page overlay offers "Start WhatsApp conversation" next to each (BY-2). A cheap
 * pattern keeps the content script small; the platform validates the number before sending.
 */
const PATTERN = /\+\d[\d\s().-]{5,20}\d/g;

export interface PhoneCandidate {
  start: number;
  end: number;
  /** As written on the page. */
  text: string;
}

export function findPhoneCandidates(text: string): PhoneCandidate[] {
  const found: PhoneCandidate[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const digits = match[0].replace(/\D/g, '');
    // E.164 allows 8 to 15 digits with the country code; a digit right before is not a number start.
    if (digits.length < 8 || digits.length > 15) continue;
    const start = match.index ?? 0;
    if (start > 0 && /[\w+]/.test(text[start - 1] ?? '')) continue;
    found.push({ start, end: start + match[0].length, text: match[0] });
  }
  return found;
}
