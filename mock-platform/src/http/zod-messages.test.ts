import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeRule } from '../../../shared/api/validation-rules.ts';
import { zodIssues } from './errors.ts';
import { useReadableZodMessages } from './zod-messages.ts';

useReadableZodMessages();

const schema = z
  .object({
    name: z.string().min(1),
    code: z.string().min(3).max(8),
    capacity: z.number().int().min(1).max(10),
    email: z.email(),
    kind: z.enum(['inbound', 'outbound']),
    pattern: z.string().regex(/^x/, 'must start with x'),
    channels: z.array(z.string()).min(1),
    required: z.string(),
  })
  .strict();

describe('validation messages in plain words, with the rule as data', () => {
  const issues = zodIssues(
    schema.safeParse({
      name: '',
      code: 'ab',
      capacity: 20,
      email: 'nope',
      kind: 'sideways',
      pattern: 'y',
      channels: [],
      extra: 1,
    }).error as z.ZodError,
  );
  const at = (path: string) => issues.find((issue) => issue.path === path);

  it.each([
    ['name', 'must not be empty'],
    ['code', 'must have at least 3 characters'],
    ['capacity', 'must be at most 10'],
    ['email', 'must be an email address'],
    ['kind', 'must be one of: inbound, outbound'],
    ['channels', 'must have at least one item'],
    ['required', 'is required'],
    ['(body)', 'unknown fields: extra'],
  ])('%s: %s', (path, message) => {
    const issue = at(path);
    expect(issue?.message).toBe(message);
    // The rule says the same thing in Spanish for the admin UI.
    expect(issue?.rule && describeRule(issue.rule, 'en')).toBe(message);
  });

  it('reads a schema’s “is required” on an empty text as the required rule', () => {
    const [issue] = zodIssues(
      z.object({ name: z.string().min(1, 'is required') }).safeParse({ name: '' }).error as z.ZodError,
    );
    expect(issue).toEqual({ path: 'name', message: 'is required', rule: { code: 'required' } });
  });

  it('keeps a schema’s own wording, without a rule that would replace it', () => {
    expect(at('pattern')).toEqual({ path: 'pattern', message: 'must start with x' });
  });

  it('words every rule in Spanish', () => {
    expect(issues.map((issue) => (issue.rule ? describeRule(issue.rule, 'es') : issue.message))).toEqual([
      'no puede estar vacío',
      'debe tener como mínimo 3 caracteres',
      'debe ser como máximo 10',
      'debe ser una dirección de correo',
      'debe ser uno de: inbound, outbound',
      'must start with x',
      'debe tener al menos un elemento',
      'es obligatorio',
      'campos desconocidos: extra',
    ]);
  });
});
