/**
 * Text rules the side panel shares with the Cloud API schemas, on their own so the panel does not
 * carry those schemas (send-schema.ts re-exports them).
 */

/** The longest text body Meta's Cloud API takes. */
export const TEXT_BODY_MAX = 4096;

/** The template's text with `{{n}}` replaced by the n-th value. */
export function fillTemplate(text: string, values: readonly string[]): string {
  return text.replace(/\{\{(\d+)\}\}/g, (placeholder, n: string) => values[Number(n) - 1] ?? placeholder);
}
