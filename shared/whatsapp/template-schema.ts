import { z } from 'zod';
import { placeholderCount } from './send-schema.ts';

/**
 * A message template as a business creates it on the Cloud API (`POST /{waba}/message_templates`),
 * with Meta's rules: lowercase names, BODY ≤ 1024 characters with `{{n}}` variables numbered from 1
 * and an example value for each, HEADER text ≤ 60 with at most one variable, FOOTER ≤ 60, at most
 * 10 buttons. Component types are accepted in either case, as Meta does.
 */

const component = z.looseObject({
  type: z
    .string()
    .transform((type) => type.toUpperCase())
    .pipe(z.enum(['HEADER', 'BODY', 'FOOTER', 'BUTTONS'])),
  format: z.enum(['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']).optional(),
  text: z.string().optional(),
  buttons: z
    .array(
      z.looseObject({
        type: z.string(),
        text: z.string().max(25, 'button text must be at most 25 characters').optional(),
      }),
    )
    .optional(),
  example: z
    .looseObject({
      header_text: z.array(z.string()).optional(),
      body_text: z.array(z.array(z.string())).optional(),
    })
    .optional(),
});
export type TemplateComponent = z.infer<typeof component>;

function variablesInOrder(text: string): boolean {
  const numbers = [...text.matchAll(/\{\{(\d+)\}\}/g)].map((match) => Number(match[1]));
  return [...new Set(numbers)].sort((a, b) => a - b).every((n, i) => n === i + 1);
}

export const templateComponentsSchema = z
  .array(component)
  .min(1, 'a template needs components')
  .superRefine((components, ctx) => {
    const issue = (message: string, index?: number) =>
      ctx.addIssue({ code: 'custom', message, path: index === undefined ? [] : [index] });
    const count = (type: string) => components.filter((c) => c.type === type).length;
    if (count('BODY') !== 1) issue('exactly one BODY component is required');
    for (const type of ['HEADER', 'FOOTER', 'BUTTONS']) if (count(type) > 1) issue(`at most one ${type} component`);
    components.forEach((c, index) => {
      const text = c.text ?? '';
      if (c.type === 'BODY' && c.text !== undefined) {
        if (text.length === 0 || text.length > 1024) issue('BODY text must be 1 to 1024 characters', index);
        if (!variablesInOrder(text)) issue('BODY variables must be numbered {{1}}, {{2}}… without gaps', index);
        const variables = placeholderCount(text);
        if (variables > 0 && c.example?.body_text?.[0]?.length !== variables)
          issue(`BODY has ${variables} variables: example.body_text must give ${variables} sample values`, index);
      }
      if (c.type === 'HEADER' && (c.format ?? 'TEXT') === 'TEXT') {
        if (text.length === 0 || text.length > 60) issue('HEADER text must be 1 to 60 characters', index);
        const variables = placeholderCount(text);
        if (variables > 1) issue('HEADER text may have at most one variable', index);
        if (variables === 1 && c.example?.header_text?.length !== 1)
          issue('HEADER has a variable: example.header_text must give a sample value', index);
      }
      if (c.type === 'FOOTER' && c.text !== undefined && (text.length === 0 || text.length > 60))
        issue('FOOTER text must be 1 to 60 characters', index);
      if (c.type === 'BUTTONS' && (!c.buttons || c.buttons.length === 0 || c.buttons.length > 10))
        issue('BUTTONS must have 1 to 10 buttons', index);
    });
  });

export const templateCategorySchema = z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']);

export const createTemplateRequestSchema = z.looseObject({
  name: z
    .string()
    .min(1, 'name is required')
    .max(512)
    .regex(/^[a-z0-9_]+$/, 'name must be lowercase letters, digits and underscores'),
  language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'language must be a code such as en or en_US'),
  category: templateCategorySchema,
  allow_category_change: z.boolean().optional(),
  components: templateComponentsSchema,
});
export type CreateTemplateRequest = z.infer<typeof createTemplateRequestSchema>;

export const editTemplateRequestSchema = z.looseObject({
  category: templateCategorySchema.optional(),
  components: templateComponentsSchema.optional(),
});
