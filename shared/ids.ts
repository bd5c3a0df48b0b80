/** A new random identifier with a readable prefix: `conv_1f0c…`. Uses Web Crypto (any runtime). */
export function newId(prefix: string): string {
  return `${prefix}_${globalThis.crypto.randomUUID().replaceAll('-', '')}`;
}
