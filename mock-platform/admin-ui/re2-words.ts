/**
 * re2js words why it refuses a pattern in English (its parser's `ERR_*` messages, e.g. "missing
 * closing )"), and the platform quotes that inside its refusal. These are the same kinds in
 * Spanish, so a Spanish administrator reads no English; the quoted piece of the pattern is kept.
 * `re2-words.test.ts` runs patterns re2js really refuses through it, so a kind re2js adds or
 * rewords fails a test instead of reaching the UI in English.
 */
const KINDS_ES: Record<string, string> = {
  'regexp/syntax: internal error': 'error interno del analizador',
  'invalid character class range': 'rango de caracteres no válido',
  'invalid escape sequence': 'secuencia de escape no válida',
  'invalid named capture': 'grupo con nombre no válido',
  'invalid or unsupported Perl syntax': 'sintaxis de Perl no válida o no admitida',
  'invalid nested repetition operator': 'operador de repetición anidado no válido',
  'invalid repeat count': 'número de repeticiones no válido (como máximo 1000)',
  'missing closing ]': 'falta el ] de cierre',
  'missing closing )': 'falta el ) de cierre',
  'missing argument to repetition operator': 'falta qué repetir antes del operador de repetición',
  'trailing backslash at end of expression': 'barra invertida \\ suelta al final de la expresión',
  'duplicate capture group name': 'nombre de grupo repetido',
  'unexpected )': ') sin su ( de apertura',
  'expression nests too deeply': 'la expresión anida demasiados niveles',
  'expression too large': 'la expresión es demasiado grande',
  'invalid capture in lookbehind': 'grupo no válido dentro de una búsqueda hacia atrás',
};

/**
 * re2js's detail (`kind` or ``kind: `piece` ``) in Spanish; undefined for a kind this table does
 * not know. A look-behind (`(?<=`, `(?<!`) is what RE2 calls an invalid named capture: said as
 * what the administrator wrote.
 */
export function re2DetailEs(detail: string): string | undefined {
  const quoted = /^(.*?): `([\s\S]*)`$/.exec(detail);
  const kind = quoted ? (quoted[1] ?? '') : detail;
  const piece = quoted?.[2];
  const lookBehind = kind === 'invalid named capture' && piece !== undefined && /^\(\?<[=!]/.test(piece);
  const words = lookBehind ? 'búsqueda hacia atrás no admitida' : KINDS_ES[kind];
  if (words === undefined) return undefined;
  return piece === undefined ? words : `${words}: \`${piece}\``;
}
