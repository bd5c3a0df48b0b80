import { describe, expect, it } from 'vitest';
import { patternMatches, patternProblem } from './pattern.ts';

describe('routing patterns (RE2 semantics)', () => {
  it.each([
    ['factura|invoice', 'Mi FACTURA de marzo', true],
    ['^hola', 'Hola, buenas', true],
    ['^hola', 'ya dije hola', false],
    ['\\bpedido\\s+\\d{4,}', 'mi pedido 123456 no llega', true],
    ['\\bpedido\\s+\\d{4,}', 'mi pedido 12 no llega', false],
    ['ñandú', 'ÑANDÚ', true],
  ])('%s on %j → %s', (pattern, text, expected) => {
    expect(patternMatches(pattern, text)).toBe(expected);
  });

  it('answers a catastrophic-backtracking pattern on a long text (JavaScript RegExp would not return)', () => {
    // With `new RegExp` this call takes longer than the universe's age; RE2 answers in one pass.
    expect(patternMatches('^(a+)+$', `${'a'.repeat(10_000)}b`)).toBe(false);
    expect(patternMatches('^(a+)+$', 'a'.repeat(10_000))).toBe(true);
  });

  it.each([
    ['(a)\\1', 'invalid escape sequence'],
    ['(?=a)b', 'unsupported Perl syntax'],
    ['(?<!a)b', 'invalid named capture'],
    ['[a', 'missing closing ]'],
  ])('refuses %s, saying why', (pattern, why) => {
    expect(patternProblem(pattern)).toContain(why);
    expect(patternProblem(pattern)).toContain('linear time');
  });

  it('accepts what RE2 runs', () => {
    expect(patternProblem('(?i)urgente|urgent')).toBeUndefined();
    expect(patternProblem('^\\d{3}-\\d{4}$')).toBeUndefined();
  });
});
