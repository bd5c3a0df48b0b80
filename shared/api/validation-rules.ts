import { z } from 'zod';

/**
 * The rule a field broke, as data: the platform sends it with each validation issue so that a
 * client can say it in its own language (the admin UI in Spanish), and the platform's English
 * message is made from the same rule. Plain words, never "Too small: expected string to have
 * >=1 characters".
 */
export const ruleSchema = z.object({
  code: z.enum([
    'required',
    'type',
    'too_small',
    'too_big',
    'format',
    'one_of',
    'unknown_keys',
    'multiple_of',
    'invalid',
  ]),
  origin: z.string().optional(),
  limit: z.number().optional(),
  inclusive: z.boolean().optional(),
  expected: z.string().optional(),
  format: z.string().optional(),
  values: z.array(z.string()).optional(),
});
export type Rule = z.infer<typeof ruleSchema>;

export type RuleLanguage = 'en' | 'es';

const kinds: Record<RuleLanguage, Record<string, string>> = {
  en: {
    string: 'a text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    date: 'a date',
  },
  es: {
    string: 'un texto',
    number: 'un número',
    int: 'un número entero',
    boolean: 'verdadero o falso',
    array: 'una lista',
    object: 'un objeto',
    date: 'una fecha',
  },
};

const formats: Record<RuleLanguage, Record<string, string>> = {
  en: { email: 'an email address', url: 'a URL (https://…)', regex: 'in the expected format' },
  es: { email: 'una dirección de correo', url: 'una URL (https://…)', regex: 'en el formato esperado' },
};

const plural = (count: number, one: string, many: string) => (count === 1 ? one : many);

/** The rule in plain words, as they follow a field's name: "must not be empty", "debe tener como mínimo 3 caracteres". */
export function describeRule(rule: Rule, language: RuleLanguage): string {
  const es = language === 'es';
  const n = rule.limit ?? 0;
  const text = rule.origin === 'string';
  const list = rule.origin === 'array' || rule.origin === 'set';
  switch (rule.code) {
    case 'required':
      return es ? 'es obligatorio' : 'is required';
    case 'type': {
      const kind = kinds[language][rule.expected ?? ''] ?? rule.expected ?? '';
      return es ? `debe ser ${kind}` : `must be ${kind}`;
    }
    case 'too_small':
      if (text && n <= 1) return es ? 'no puede estar vacío' : 'must not be empty';
      if (text) return es ? `debe tener como mínimo ${n} caracteres` : `must have at least ${n} characters`;
      if (list && n <= 1) return es ? 'debe tener al menos un elemento' : 'must have at least one item';
      if (list) return es ? `debe tener al menos ${n} elementos` : `must have at least ${n} items`;
      if (rule.inclusive === false) return es ? `debe ser mayor que ${n}` : `must be greater than ${n}`;
      return es ? `debe ser como mínimo ${n}` : `must be at least ${n}`;
    case 'too_big':
      if (text) {
        return es
          ? `debe tener como máximo ${n} ${plural(n, 'carácter', 'caracteres')}`
          : `must have at most ${n} ${plural(n, 'character', 'characters')}`;
      }
      if (list) {
        return es
          ? `debe tener como máximo ${n} ${plural(n, 'elemento', 'elementos')}`
          : `must have at most ${n} ${plural(n, 'item', 'items')}`;
      }
      if (rule.inclusive === false) return es ? `debe ser menor que ${n}` : `must be less than ${n}`;
      return es ? `debe ser como máximo ${n}` : `must be at most ${n}`;
    case 'format': {
      const format = formats[language][rule.format ?? 'regex'] ?? formats[language].regex;
      return es ? `debe ser ${format}` : `must be ${format}`;
    }
    case 'one_of': {
      const values = (rule.values ?? []).join(', ');
      return es ? `debe ser uno de: ${values}` : `must be one of: ${values}`;
    }
    case 'unknown_keys': {
      const keys = (rule.values ?? []).join(', ');
      return es ? `campos desconocidos: ${keys}` : `unknown fields: ${keys}`;
    }
    case 'multiple_of':
      return es ? `debe ser múltiplo de ${n}` : `must be a multiple of ${n}`;
    default:
      return es ? 'no es válido' : 'is not valid';
  }
}
