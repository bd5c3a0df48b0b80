import { z } from 'zod';
import { placeholderCount } from './send-schema.ts';
import { isTemplateLanguage, suggestedLanguage } from './template-languages.ts';
import { buttonIssues, SUBCODE, type TemplateIssue, variableAtEdge } from './template-rules.ts';

/**
 * A message template as a business creates it on the Cloud API (`POST /{waba}/message_templates`),
 * with Meta's rules: lowercase names, one of Meta's language codes (`template-languages.ts`), BODY
 * ≤ 1024 characters with `{{n}}` variables numbered from 1, an example value for each and none at
 * its start or end; a HEADER of text (≤ 60, at most `{{1}}`) or an image, video or document with
 * an example handle; FOOTER ≤ 60; buttons as `template-rules.ts` checks them. Component types and
 * header formats are accepted in either case, as Meta does. Issues carry Meta's `error_subcode`
 * (as `params.subcode`) where Meta has one.
 */

const component = z.looseObject({
  type: z
    .string()
    .transform((type) => type.toUpperCase())
    .pipe(z.enum(['HEADER', 'BODY', 'FOOTER', 'BUTTONS'])),
  format: z
    .string()
    .transform((format) => format.toUpperCase())
    .pipe(z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']))
    .optional(),
  text: z.string().optional(),
  buttons: z.array(z.looseObject({ type: z.string().min(1, 'a button needs a type') })).optional(),
  example: z
    .looseObject({
      header_text: z.array(z.string()).optional(),
      header_handle: z.array(z.string()).optional(),
      body_text: z.array(z.array(z.string())).optional(),
    })
    .optional(),
});
export type TemplateComponent = z.infer<typeof component>;

/** "an IMAGE", "a VIDEO". */
const article = (word: string) => (/^[AEIOU]/.test(word) ? 'an' : 'a');

function variablesInOrder(text: string): boolean {
  const numbers = [...text.matchAll(/\{\{(\d+)\}\}/g)].map((match) => Number(match[1]));
  return [...new Set(numbers)].sort((a, b) => a - b).every((n, i) => n === i + 1);
}

/** Every rule Meta checks on a template's components, in the order a business would fix them. */
function componentIssues(components: readonly TemplateComponent[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const issue = (message: string, path: (string | number)[] = [], subcode?: number) =>
    issues.push({ message, path, ...(subcode ? { subcode } : {}) });
  const count = (type: string) => components.filter((c) => c.type === type).length;
  if (count('BODY') !== 1) issue('exactly one BODY component is required');
  for (const type of ['HEADER', 'FOOTER', 'BUTTONS']) if (count(type) > 1) issue(`at most one ${type} component`);
  components.forEach((c, index) => {
    const text = c.text ?? '';
    if (c.type === 'BODY' && c.text !== undefined) {
      if (text.length === 0) issue('BODY text must be 1 to 1024 characters', [index, 'text']);
      if (text.length > 1024) issue('BODY text must be 1 to 1024 characters', [index, 'text'], SUBCODE.fieldLength);
      if (!variablesInOrder(text)) issue('BODY variables must be numbered {{1}}, {{2}}… without gaps', [index, 'text']);
      const variables = placeholderCount(text);
      if (variables > 0 && c.example?.body_text?.[0]?.length !== variables)
        issue(`BODY has ${variables} variables: example.body_text must give ${variables} sample values`, [
          index,
          'example',
        ]);
      if (variableAtEdge(text)) {
        issue(
          'BODY may not start or end with a variable: put words before and after it',
          [index, 'text'],
          SUBCODE.variableAtEdge,
        );
      }
    }
    if (c.type === 'HEADER') {
      const format = c.format ?? 'TEXT';
      if (format === 'TEXT') {
        if (text.length === 0) issue('HEADER text must be 1 to 60 characters', [index, 'text'], SUBCODE.headerFormat);
        if (text.length > 60) issue('HEADER text must be 1 to 60 characters', [index, 'text'], SUBCODE.fieldLength);
        if (/[\n\r]/.test(text)) issue('HEADER text may not have line breaks', [index, 'text'], SUBCODE.headerFormat);
        const variables = placeholderCount(text);
        if (variables > 1 || (variables === 1 && !text.includes('{{1}}')))
          issue('HEADER text may have one variable, {{1}}', [index, 'text'], SUBCODE.headerFormat);
        if (variables === 1 && c.example?.header_text?.length !== 1)
          issue('HEADER has a variable: example.header_text must give a sample value', [index, 'example']);
      } else if (format !== 'LOCATION') {
        if (c.text !== undefined)
          issue(`${article(format)} ${format} HEADER has no text`, [index, 'text'], SUBCODE.headerFormat);
        if (!c.example?.header_handle?.[0])
          issue(
            `${article(format)} ${format} HEADER needs example.header_handle: a sample ${format.toLowerCase()} (its upload handle)`,
            [index, 'example'],
            SUBCODE.headerFormat,
          );
      }
    }
    if (c.type === 'FOOTER' && c.text !== undefined) {
      if (text.length === 0) issue('FOOTER text must be 1 to 60 characters', [index, 'text']);
      if (text.length > 60) issue('FOOTER text must be 1 to 60 characters', [index, 'text'], SUBCODE.fieldLength);
    }
    if (c.type === 'BUTTONS') issues.push(...buttonIssues(c.buttons ?? [], [index, 'buttons']));
  });
  return issues;
}

export const templateComponentsSchema = z
  .array(component)
  .min(1, 'a template needs components')
  .superRefine((components, ctx) => {
    for (const { message, path, subcode } of componentIssues(components)) {
      ctx.addIssue({ code: 'custom', message, path, ...(subcode ? { params: { subcode } } : {}) });
    }
  });

export const templateCategorySchema = z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']);

export const createTemplateRequestSchema = z.looseObject({
  name: z
    .string()
    .min(1, 'name is required')
    .max(512)
    .regex(/^[a-z0-9_]+$/, 'name must be lowercase letters, digits and underscores'),
  language: z.string().superRefine((code, ctx) => {
    if (isTemplateLanguage(code)) return;
    const close = suggestedLanguage(code);
    ctx.addIssue({
      code: 'custom',
      message: `${JSON.stringify(code)} is not a language WhatsApp accepts for templates${close ? `: did you mean ${close}?` : ''} (codes such as es, es_MX, en_US, pt_BR)`,
    });
  }),
  category: templateCategorySchema,
  allow_category_change: z.boolean().optional(),
  components: templateComponentsSchema,
});
export type CreateTemplateRequest = z.infer<typeof createTemplateRequestSchema>;

export const editTemplateRequestSchema = z.looseObject({
  category: templateCategorySchema.optional(),
  components: templateComponentsSchema.optional(),
});
