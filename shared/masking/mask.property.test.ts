import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSensitive } from './detect.ts';
import { maskSensitive, maskValue } from './mask.ts';

// Text made of ordinary words, numbers that must stay, and sensitive values, in any order.
const sensitive = fc.constantFrom(
  '4111 1111 1111 1111',
  '5555555555554444',
  '3782 822463 10005',
  'ES91 2100 0418 4502 0005 1332',
  'GB82WEST12345698765432',
  '123-45-6789',
  'melissa@gmail.com',
  'ana.maria+pedidos@correo.example.es',
  '+447966197542',
  '+1 614 555 1234',
  '612 34 56 78',
  '+ 1 (123) 456 7890',
  '55 1234 5678',
  '(11) 91234-5678',
  '07966 197542',
  '0151 23456789',
  '98765 43210',
);
const harmless = fc.constantFrom(
  'pedido listo',
  'order #123456789.',
  '2024-01-15',
  '10:30',
  'hola',
  'gracias,',
  '¿qué tal?',
  '😀',
  '4111 1111 1111 1112',
  'A-1042',
  '21/11/2026',
  // A code's or an amount's name reaches the digits right after it: these end their sentence.
  '1.234.567,89 €.',
  'pedido nº 100023456.',
);
const text = fc
  .array(fc.oneof(sensitive, harmless, fc.string({ maxLength: 12 })), { maxLength: 12 })
  .map((parts) => parts.join(' '));
const options = { regions: ['ES'] };
const runs = { numRuns: Number(process.env.FC_RUNS ?? 100) };

// Secrets planted between ordinary words: each one must be found, whatever surrounds it.
const planted = fc.array(fc.tuple(harmless, sensitive), { minLength: 1, maxLength: 6 });

describe('maskSensitive properties', () => {
  // The properties below check what was detected; this one checks what was planted, so it fails
  // when detection misses a value (or is switched off), not only when a found value is kept.
  it('leaves none of the planted secrets in the masked text', () => {
    fc.assert(
      fc.property(planted, harmless, (pairs, tail) => {
        const input = `${pairs.flat().join(' ')} ${tail}`;
        const masked = maskSensitive(input, options);
        for (const [, secret] of pairs) expect(masked).not.toContain(secret);
        expect(detectSensitive(input, options).length).toBeGreaterThanOrEqual(pairs.length);
      }),
      runs,
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(text, (input) => {
        const once = maskSensitive(input, options);
        expect(maskSensitive(once, options)).toBe(once);
      }),
      runs,
    );
  });

  it('never changes text outside the detected spans', () => {
    fc.assert(
      fc.property(text, (input) => {
        const masked = maskSensitive(input, options);
        // Walk both strings; each span's replacement is as long as maskValue makes it.
        let offset = 0;
        let cursor = 0;
        for (const span of detectSensitive(input, options)) {
          expect(masked.slice(cursor + offset, span.start + offset)).toBe(input.slice(cursor, span.start));
          offset += maskValue(span.kind, input.slice(span.start, span.end)).length - (span.end - span.start);
          cursor = span.end;
        }
        expect(masked.slice(cursor + offset)).toBe(input.slice(cursor));
      }),
      runs,
    );
  });

  it('never leaves more than four characters of a card, IBAN, SSN or phone visible, nor more than one of an email’s local part', () => {
    fc.assert(
      fc.property(text, (input) => {
        const masked = maskSensitive(input, options);
        for (const span of detectSensitive(input, options)) {
          const value = input.slice(span.start, span.end);
          const shown = maskSensitive(value, options);
          if (span.kind === 'email') {
            const local = shown.slice(0, shown.lastIndexOf('@'));
            expect(Array.from(local.replaceAll('*', '')).length).toBeLessThanOrEqual(1);
          } else {
            expect(shown.replaceAll('*', '').length).toBeLessThanOrEqual(4);
          }
          // The rule keeps an email's first character, so a one-character local part stays as it is.
          const oneCharacterEmail =
            span.kind === 'email' && Array.from(value.slice(0, value.lastIndexOf('@'))).length <= 1;
          if (!oneCharacterEmail) expect(masked).not.toContain(value);
        }
      }),
      runs,
    );
  });
});
