import { describe, expect, it } from 'vitest';
import request from './__fixtures__/send_request_template_text_params.json';
import { fillTemplate, parameterText, placeholderCount, sendTemplateRequestSchema } from './send-schema.ts';

describe('template messages', () => {
  it('accept Meta’s own example request', () => {
    const parsed = sendTemplateRequestSchema.parse({ ...request, to: '+34612345678' });
    expect(parsed.template.components?.[0]?.parameters?.map(parameterText)).toEqual([
      'text-string',
      '$100.99',
      'February 25, 1977',
    ]);
  });

  it('count and fill {{n}} placeholders', () => {
    expect(placeholderCount('Hello {{1}}, your order {{2}} has shipped.')).toBe(2);
    expect(placeholderCount('No variables')).toBe(0);
    expect(fillTemplate('Hello {{1}}, your order {{2}} has shipped.', ['María', 'A-1042'])).toBe(
      'Hello María, your order A-1042 has shipped.',
    );
    expect(fillTemplate('Hi {{1}} {{3}}', ['a'])).toBe('Hi a {{3}}');
  });
});
