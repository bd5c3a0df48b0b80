import { createHmac, timingSafeEqual } from 'node:crypto';
import { escapeNonAscii } from '../../../shared/whatsapp/escape-json.ts';

/** `sha256=<lowercase hex HMAC-SHA256(secret, body)>`, as Meta's X-Hub-Signature-256 header. */
export function signBody(secret: string, body: string | Uint8Array): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Checks X-Hub-Signature-256 over the raw bytes received. Meta signs the body with non-ASCII
 * escaped as \uXXXX; a proxy that re-serialises it as raw UTF-8 keeps the meaning but not the
 * bytes, so the escaped form of the received text is accepted too.
 */
export function verifySignature(secret: string, raw: Uint8Array, header: string | undefined): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header)) return false;
  const given = Buffer.from(header.slice('sha256='.length).toLowerCase(), 'hex');
  const matches = (body: string | Uint8Array) => {
    const expected = Buffer.from(signBody(secret, body).slice('sha256='.length), 'hex');
    return timingSafeEqual(expected, given);
  };
  if (matches(raw)) return true;
  const text = Buffer.from(raw).toString('utf8');
  const escaped = escapeNonAscii(text);
  return escaped !== text && matches(escaped);
}
