import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

const body = { type: 'BODY', text: 'Hola {{1}}, gracias por su compra.', example: { body_text: [['Lucía']] } };
const template = (components: unknown[], extra: Record<string, unknown> = {}) => ({
  name: 'rules_check',
  language: 'es',
  category: 'UTILITY',
  components,
  ...extra,
});
const buttons = (...list: unknown[]) => ({ type: 'BUTTONS', buttons: list });

describe('template creation is checked as Meta checks it (POST /{waba-id}/message_templates)', () => {
  it.each([['es'], ['es_MX'], ['en_US'], ['pt_BR'], ['fil'], ['prs_AF']])(
    'accepts Meta’s language code %s',
    async (language) => {
      const t = await testPlatform();
      const answer = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template([body], { language }));
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    },
  );

  it.each([
    [{ language: 'en-US' }, 'language', 'did you mean en_US?'],
    [{ language: 'es_CO' }, 'language', 'did you mean es?'],
    [{ language: 'klingon' }, 'language', 'is not a language WhatsApp accepts for templates'],
  ])('refuses the language of %j with code 100, naming the field and a close code', async (extra, field, words) => {
    const t = await testPlatform();
    const answer = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template([body], extra));
    expect([answer.status, answer.body.error.code]).toEqual([400, 100]);
    expect(answer.body.error.error_data.details).toContain(`Invalid parameter ${field}: `);
    expect(answer.body.error.error_data.details).toContain(words);
  });

  it.each([
    [
      'a text header',
      [{ type: 'HEADER', format: 'TEXT', text: 'Pedido {{1}}', example: { header_text: ['A-1'] } }, body],
    ],
    ['an image header', [{ type: 'HEADER', format: 'image', example: { header_handle: ['4::aW1hZ2U:x'] } }, body]],
    ['a video header', [{ type: 'HEADER', format: 'VIDEO', example: { header_handle: ['4::dmlkZW8:x'] } }, body]],
    ['a document header', [{ type: 'HEADER', format: 'DOCUMENT', example: { header_handle: ['4::cGRm:x'] } }, body]],
    [
      'every kind of button',
      [
        body,
        buttons(
          { type: 'QUICK_REPLY', text: 'Sí' },
          { type: 'QUICK_REPLY', text: 'No' },
          { type: 'URL', text: 'Seguir pedido', url: 'https://tienda.example/pedido/{{1}}', example: ['A-1'] },
          { type: 'URL', text: 'Tienda', url: 'https://tienda.example' },
          { type: 'PHONE_NUMBER', text: 'Llamar', phone_number: '34612345678' },
          { type: 'COPY_CODE', example: 'DESCUENTO10' },
        ),
      ],
    ],
  ])('accepts %s', async (_label, components) => {
    const t = await testPlatform();
    const answer = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template(components));
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  });

  it.each([
    [
      'a body longer than 1024',
      [{ type: 'BODY', text: `Hola ${'a'.repeat(1024)}` }],
      2388040,
      'components.0.text: BODY text must be 1 to 1024 characters',
    ],
    [
      'a body that starts with a variable',
      [{ type: 'BODY', text: '{{1}}, su pedido está listo.', example: { body_text: [['Lucía']] } }],
      2388299,
      'components.0.text: BODY may not start or end with a variable',
    ],
    [
      'an image header without a sample',
      [{ type: 'HEADER', format: 'IMAGE' }, body],
      2388047,
      'components.0.example: an IMAGE HEADER needs example.header_handle',
    ],
    [
      'a header text of 61 characters',
      [{ type: 'HEADER', format: 'TEXT', text: 'x'.repeat(61) }, body],
      2388040,
      'components.0.text: HEADER text must be 1 to 60 characters',
    ],
    [
      'a header with two variables',
      [{ type: 'HEADER', format: 'TEXT', text: '{{1}} y {{2}}', example: { header_text: ['a', 'b'] } }, body],
      2388047,
      'components.0.text: HEADER text may have one variable, {{1}}',
    ],
    [
      'a button text of 26 characters',
      [body, buttons({ type: 'QUICK_REPLY', text: 'x'.repeat(26) })],
      2388040,
      'components.1.buttons.0.text: button text must be at most 25 characters',
    ],
    [
      'a copy code longer than 15',
      [body, buttons({ type: 'COPY_CODE', example: 'X'.repeat(16) })],
      2388040,
      'components.1.buttons.0.example: the code example must be at most 15 characters',
    ],
  ])('refuses %s with code 100 and Meta’s subcode', async (_label, components, subcode, details) => {
    const t = await testPlatform();
    const answer = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template(components));
    expect([answer.status, answer.body.error.code, answer.body.error.error_subcode]).toEqual([400, 100, subcode]);
    expect(answer.body.error.error_data.details).toContain(details.replace(': ', ': ').split(': ')[0]);
    expect(answer.body.error.error_data.details).toContain(details.slice(details.indexOf(': ') + 2));
    expect(answer.body.error.error_user_title).toEqual(expect.any(String));
  });

  it.each([
    [
      'a URL variable in the middle',
      buttons({ type: 'URL', text: 'Ver', url: 'https://x.example/{{1}}/ver', example: ['a'] }),
      'a URL may have one variable, {{1}}, at its end',
    ],
    [
      'a URL variable without example',
      buttons({ type: 'URL', text: 'Ver', url: 'https://x.example/{{1}}' }),
      'a URL with {{1}} needs example',
    ],
    ['a URL that is not http', buttons({ type: 'URL', text: 'Ver', url: 'ftp://x' }), 'needs an http(s) url'],
    [
      'three URL buttons',
      buttons(...[1, 2, 3].map((n) => ({ type: 'URL', text: `Ver ${n}`, url: `https://x.example/${n}` }))),
      'at most 2 URL buttons',
    ],
    [
      'two phone numbers',
      buttons(
        { type: 'PHONE_NUMBER', text: 'A', phone_number: '34612345678' },
        { type: 'PHONE_NUMBER', text: 'B', phone_number: '34612345679' },
      ),
      'at most 1 PHONE_NUMBER button',
    ],
    [
      'a phone number with letters',
      buttons({ type: 'PHONE_NUMBER', text: 'A', phone_number: 'call-me' }),
      'phone_number must be 6 to 20 digits',
    ],
    [
      'quick replies split by another button',
      buttons(
        { type: 'QUICK_REPLY', text: 'Sí' },
        { type: 'URL', text: 'Ver', url: 'https://x.example' },
        { type: 'QUICK_REPLY', text: 'No' },
      ),
      'QUICK_REPLY buttons must be grouped together',
    ],
    ['a copy code without example', buttons({ type: 'COPY_CODE' }), 'a COPY_CODE button needs example'],
    [
      'eleven buttons',
      buttons(...Array.from({ length: 11 }, (_, i) => ({ type: 'QUICK_REPLY', text: `B${i}` }))),
      '1 to 10 buttons',
    ],
  ])('refuses %s with code 100, naming the button and the rule', async (_label, component, words) => {
    const t = await testPlatform();
    const answer = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template([body, component]));
    expect([answer.status, answer.body.error.code]).toEqual([400, 100]);
    expect(answer.body.error.error_data.details).toContain('components.1.buttons');
    expect(answer.body.error.error_data.details).toContain(words);
  });

  it('refuses the same name in the same language with Meta’s 2388024 and its words', async () => {
    const t = await testPlatform();
    await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template([body], { language: 'es_MX' }));
    const again = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template([body], { language: 'es_MX' }));
    expect(again.body.error).toMatchObject({
      code: 100,
      error_subcode: 2388024,
      error_user_title: 'Content in this language already exists',
      error_user_msg:
        'There is already Spanish (MEX) content for this template. You can create a new template and try again.',
    });
    // Another language of the same name is a new translation, not a clash.
    const english = await t.graph('POST', `/${DEMO.wabaId}/message_templates`, template([body], { language: 'en_US' }));
    expect(english.status).toBe(200);
  });

  it('lists Meta’s language codes for the WhatsApp Manager page', async () => {
    const t = await testPlatform();
    const { body: languages } = await t.call('GET', '/simulator/api/template-languages');
    expect(languages).toEqual(
      expect.arrayContaining([
        { code: 'es', name: 'Spanish' },
        { code: 'es_MX', name: 'Spanish (MEX)' },
        { code: 'en_US', name: 'English (US)' },
        { code: 'pt_BR', name: 'Portuguese (BR)' },
      ]),
    );
  });
});
