import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * `+16145551234` → `+1 614 555 1234`, for people to read. Uses the small metadata set: formatting
 * does not need the full validation metadata, and the extension's bundles stay small.
 */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
