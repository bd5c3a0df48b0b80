import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneParseResult =
  | { ok: true; e164: string; waId: string; country: string | undefined }
  | { ok: false; reason: string };

/**
 * Parses a phone number typed by a person (`+1 614 555 1234`, `(614) 555-1234` with a region)
 * into E.164. Uses libphonenumber-js's full metadata so that only numbers that can exist pass.
 */
export function parsePhone(input: string, defaultRegion?: string): PhoneParseResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, reason: 'a phone number is required' };
  const parsed = parsePhoneNumberFromString(
    trimmed,
    defaultRegion ? { defaultCountry: defaultRegion as never } : undefined,
  );
  if (!parsed) {
    return {
      ok: false,
      reason: 'must be in international format with the country code, for example +1 614 555 1234',
    };
  }
  if (!parsed.isValid()) return { ok: false, reason: `${trimmed} is not a valid phone number` };
  const e164 = parsed.number;
  return { ok: true, e164, waId: toWaId(e164), country: parsed.country };
}

/** WhatsApp ids (`wa_id`) and `display_phone_number` are E.164 without the plus sign. */
export function toWaId(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** The inverse of {@link toWaId}. */
export function fromWaId(waId: string): string {
  return waId.startsWith('+') ? waId : `+${waId}`;
}
