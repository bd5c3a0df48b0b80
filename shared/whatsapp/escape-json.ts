/**
 * Meta serialises webhook bodies with every non-ASCII UTF-16 code unit escaped as `\uXXXX`
 * (lowercase hex) and signs those bytes; some client libraries verify only that form.
 * JSON.stringify leaves non-ASCII as is, so escape it afterwards: the result parses to the same
 * value because the escapes only ever stand inside JSON strings.
 */
export function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify in Meta's webhook form. */
export function stringifyLikeMeta(value: unknown): string {
  return escapeNonAscii(JSON.stringify(value));
}
