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

/**
 * A business number as the Cloud API reports it (`display_phone_number`: `+1 555-078-3881`,
 * `15550783881`), in E.164. Taken as it is, never re-validated: WhatsApp already registered it,
 * and Meta's developer test numbers (`+1 555 …`) are fictional on purpose, so libphonenumber
 * calls them invalid. Undefined when it is not 7–15 digits at all.
 */
export function fromCloudApiNumber(display: string): string | undefined {
  if (!/^\+?[\d\s().-]+$/.test(display.trim())) return undefined;
  const digits = display.replace(/\D/g, '');
  return digits.length >= 7 && digits.length <= 15 ? `+${digits}` : undefined;
}

/** Whether a number is in the `+1 555` range Meta gives developers as test numbers. */
export function isMetaTestNumber(e164: string): boolean {
  return /^\+?1555\d{7}$/.test(e164.replace(/[\s().-]/g, ''));
}

/** WhatsApp ids (`wa_id`) and `display_phone_number` are E.164 without the plus sign. */
export function toWaId(e164: string): string {
  return e164.replace(/^\+/, '');
}

/** The inverse of {@link toWaId}. */
export function fromWaId(waId: string): string {
  return waId.startsWith('+') ? waId : `+${waId}`;
}
