import { describe, expect, it } from 'vitest';
import { escapeNonAscii, stringifyLikeMeta } from './escape-json.ts';

describe('escapeNonAscii', () => {
  it('escapes accents and emoji (as surrogate pairs) with lowercase hex', () => {
    expect(escapeNonAscii('"¿Qué tal? 😀"')).toBe('"\\u00bfQu\\u00e9 tal? \\ud83d\\ude00"');
  });

  it('leaves ASCII untouched and round-trips through JSON.parse', () => {
    const value = { name: 'José Núñez', text: 'Hola 👋 — "quoted" \\ back' };
    const json = stringifyLikeMeta(value);
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
