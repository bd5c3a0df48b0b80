export type SensitiveKind = 'credit_card' | 'iban' | 'ssn' | 'email' | 'phone';

/** A detected value: UTF-16 offsets into the text, `end` exclusive. */
export interface SensitiveSpan {
  kind: SensitiveKind;
  start: number;
  end: number;
}

export interface DetectOptions {
  /** ISO 3166 country codes used to read phone numbers written without a country code. */
  regions?: readonly string[];
}
