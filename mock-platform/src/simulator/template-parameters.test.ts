import { describe, expect, it } from 'vitest';
import type { SendTemplateRequest } from '../../../shared/whatsapp/send-schema.ts';
import type { SimTemplate } from './records.ts';
import { templateParameterRefusal } from './template-parameters.ts';

type Components = NonNullable<SendTemplateRequest['template']['components']>;

const template = (components: SimTemplate['components']): SimTemplate => ({
  id: '1',
  wabaId: '1',
  name: 't',
  language: 'en_US',
  category: 'UTILITY',
  status: 'APPROVED',
  components,
});

const full = template([
  { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
  { type: 'BODY', text: 'Hi {{1}}' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Stop' },
      { type: 'URL', text: 'Track', url: 'https://shop.example/track/{{1}}' },
      { type: 'PHONE_NUMBER', text: 'Call', phone_number: '+34600000000' },
    ],
  },
]);
const imageHeader = template([
  { type: 'HEADER', format: 'IMAGE' },
  { type: 'BODY', text: 'Hello' },
]);
const bodyOnly = template([{ type: 'BODY', text: 'Hello' }]);

const text = (value: string) => ({ type: 'text' as const, text: value });
const header = { type: 'header' as const, parameters: [text('B-1')] };
const body = { type: 'body' as const, parameters: [text('Ana')] };
const url = { type: 'button' as const, sub_type: 'url', index: '1', parameters: [text('B-1')] };

describe('template parameters, component by component (132000 / 132012)', () => {
  it.each<[string, SimTemplate, Components, number | undefined, string?]>([
    ['all parameters given', full, [header, body, url], undefined],
    [
      'a quick-reply payload is optional',
      full,
      [
        header,
        body,
        url,
        { type: 'button', sub_type: 'quick_reply', index: 0, parameters: [{ type: 'payload', payload: 'STOP' }] },
      ],
      undefined,
    ],
    [
      'the text header’s parameter missing',
      full,
      [body, url],
      132000,
      'header: number of localizable_params (0) does not match the expected number of params (1)',
    ],
    [
      'a header parameter the template does not have',
      bodyOnly,
      [header],
      132000,
      'header: number of localizable_params (1) does not match the expected number of params (0)',
    ],
    [
      'the dynamic URL button’s parameter missing',
      full,
      [header, body],
      132000,
      'button at index 1 (URL): number of localizable_params (0) does not match the expected number of params (1)',
    ],
    [
      'a parameter for a phone-number button',
      full,
      [header, body, url, { type: 'button', sub_type: 'voice_call', index: 2, parameters: [text('x')] }],
      132000,
      'button at index 2 (PHONE_NUMBER)',
    ],
    [
      'a button the template does not have',
      full,
      [header, body, url, { type: 'button', sub_type: 'url', index: 7, parameters: [text('x')] }],
      132000,
      'button at index 7 (the template has 3 buttons)',
    ],
    [
      'a body parameter too many',
      bodyOnly,
      [body],
      132000,
      'body: number of localizable_params (1) does not match the expected number of params (0)',
    ],
    ['the media header missing', imageHeader, [], 132000, 'header: number of localizable_params (0)'],
    [
      'a video for an image header',
      imageHeader,
      [{ type: 'header', parameters: [{ type: 'video', video: { id: '1' } }] }],
      132012,
      'expected image, got video',
    ],
    [
      'an image for an image header',
      imageHeader,
      [{ type: 'header', parameters: [{ type: 'image', image: { id: '1' } }] }],
      undefined,
    ],
  ])('%s', (_name, tpl, components, code, details) => {
    const refusal = templateParameterRefusal(tpl, components);
    expect(refusal?.code).toBe(code);
    if (details) expect(refusal?.details).toContain(details);
  });
});
