import { describe, expect, it } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { signBody, verifySignature } from './signature.ts';

const secret = 'test-app-secret';
const payload = { text: { body: 'Hola, ¿qué tal? 😀' } };
const bytes = (text: string) => new TextEncoder().encode(text);

describe('webhook signatures', () => {
  it('matches a known HMAC-SHA256 vector', () => {
    // echo -n 'hello' | openssl dgst -sha256 -hmac 'key'
    expect(signBody('key', 'hello')).toBe('sha256=9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b');
  });

  it('accepts the escaped body Meta sends', () => {
    const escaped = stringifyLikeMeta(payload);
    expect(verifySignature(secret, bytes(escaped), signBody(secret, escaped))).toBe(true);
  });

  it('accepts a raw UTF-8 body signed as it is', () => {
    const raw = JSON.stringify(payload);
    expect(verifySignature(secret, bytes(raw), signBody(secret, raw))).toBe(true);
  });

  it('accepts a raw UTF-8 body whose signature was made over the escaped form', () => {
    const raw = JSON.stringify(payload);
    expect(verifySignature(secret, bytes(raw), signBody(secret, stringifyLikeMeta(payload)))).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['malformed', 'sha256=zz'],
    ['made with another secret', signBody('other', JSON.stringify(payload))],
    ['for another body', signBody(secret, '{}')],
  ])('refuses a %s signature', (_label, header) => {
    expect(verifySignature(secret, bytes(JSON.stringify(payload)), header)).toBe(false);
  });
});
