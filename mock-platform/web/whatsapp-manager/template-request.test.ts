import { describe, expect, it } from 'vitest';
import { type ButtonDraft, describeComponents, type TemplateDraft, templateComponents } from './template-request.ts';

const draft: TemplateDraft = {
  headerFormat: '',
  headerText: '',
  headerExample: '',
  body: 'Hi {{1}}',
  examples: '',
  footer: '',
  buttons: [],
};
const button = (change: Partial<ButtonDraft>): ButtonDraft => ({
  key: 0,
  type: 'QUICK_REPLY',
  text: '',
  url: '',
  phone: '',
  example: '',
  ...change,
});

describe('the WhatsApp Manager form as template components', () => {
  it('sends a text header with its example, the footer trimmed, and only the fields each button kind has', () => {
    expect(
      templateComponents({
        ...draft,
        headerFormat: 'TEXT',
        headerText: 'Order {{1}}',
        headerExample: ' A-1 ',
        footer: ' Bye ',
        buttons: [
          button({ type: 'PHONE_NUMBER', text: 'Call', phone: '+34612345678', url: 'ignored' }),
          button({ type: 'COPY_CODE', text: 'ignored', example: 'SUMMER25' }),
          button({ type: 'URL', text: 'Open', url: 'https://a.example' }),
        ],
      }),
    ).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1'] } },
      { type: 'BODY', text: 'Hi {{1}}' },
      { type: 'FOOTER', text: 'Bye' },
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+34612345678' },
          { type: 'COPY_CODE', example: 'SUMMER25' },
          { type: 'URL', text: 'Open', url: 'https://a.example' },
        ],
      },
    ]);
  });

  it('describes a stored template in one line per component', () => {
    expect(
      describeComponents([
        { type: 'HEADER', format: 'IMAGE' },
        { type: 'BODY', text: 'Hola {{1}}' },
        {
          type: 'BUTTONS',
          buttons: [
            { type: 'QUICK_REPLY', text: 'Sí' },
            { type: 'COPY_CODE', example: 'VERANO25' },
          ],
        },
      ]),
    ).toBe('[IMAGE header] \nHola {{1}}\n[QUICK_REPLY] Sí [COPY_CODE] VERANO25');
  });
});
