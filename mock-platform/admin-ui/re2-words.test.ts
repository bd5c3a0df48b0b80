import { describe, expect, it } from 'vitest';
import { patternProblem } from '../../shared/routing/pattern.ts';
import { issueWords } from './issue-words.ts';
import { re2DetailEs } from './re2-words.ts';

/** Patterns re2js really refuses, one per kind of refusal it can reach, with the Spanish expected. */
const REFUSED: [pattern: string, english: string, spanish: string][] = [
  ['(a)\\1', 'invalid escape sequence: `\\1`', 'secuencia de escape no válida: `\\1`'],
  ['(?=a)b', 'invalid or unsupported Perl syntax: `(?=`', 'sintaxis de Perl no válida o no admitida: `(?=`'],
  ['(?<=a)b', 'invalid named capture: `(?<=a)b`', 'búsqueda hacia atrás no admitida: `(?<=a)b`'],
  ['(?<n', 'invalid named capture: `(?<n`', 'grupo con nombre no válido: `(?<n`'],
  ['a**', 'invalid nested repetition operator: `**`', 'operador de repetición anidado no válido: `**`'],
  ['a{2,1}', 'invalid repeat count: `{2,1}`', 'número de repeticiones no válido (como máximo 1000): `{2,1}`'],
  ['[z-a]', 'invalid character class range: `z-a`', 'rango de caracteres no válido: `z-a`'],
  ['[a', 'missing closing ]: `[a`', 'falta el ] de cierre: `[a`'],
  ['(a', 'missing closing ): `(a`', 'falta el ) de cierre: `(a`'],
  ['a)', 'unexpected ): `a)`', ') sin su ( de apertura: `a)`'],
  ['a\\', 'trailing backslash at end of expression', 'barra invertida \\ suelta al final de la expresión'],
  ['*a', 'missing argument to repetition operator: `*`', 'falta qué repetir antes del operador de repetición: `*`'],
  ['(?P<n>a)(?P<n>b)', 'duplicate capture group name: `n`', 'nombre de grupo repetido: `n`'],
  [`${'('.repeat(1001)}a${')'.repeat(1001)}`, 'expression nests too deeply', 'la expresión anida demasiados niveles'],
];

describe('re2js’s reasons in Spanish', () => {
  it.each(REFUSED)('%s: the platform’s refusal reads in Spanish with no English left', (pattern, english, spanish) => {
    const problem = patternProblem(pattern);
    // The platform's English, as re2js words it (without the (?i) re2js adds for the flag).
    expect(problem).toContain(`(${english})`);
    const words = issueWords(problem ?? '', 'es');
    expect(words).toContain(`(${spanish})`);
    const kind = english.replace(/: `.*$/, '');
    expect(words).not.toContain(kind);
  });

  it('quotes a long pattern cut, not whole', () => {
    const problem = patternProblem(`(${'a'.repeat(500)}`) ?? '';
    expect(problem).toContain(`\`(${'a'.repeat(39)}…\``);
    expect(problem.length).toBeLessThan(250);
  });

  it('knows no words for a kind re2js has not used (the caller then keeps the detail)', () => {
    expect(re2DetailEs('something new: `x`')).toBeUndefined();
  });
});
