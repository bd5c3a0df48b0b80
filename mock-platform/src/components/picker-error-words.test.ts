import { describe, expect, it } from 'vitest';
import { translator } from '../../../extension/utils/i18n.ts';
import { describeFailure, type Refusal } from '../../../shared/errors/describe-failure.ts';
import type { ErrorWordKey } from '../../../shared/errors/error-words.ts';
import { pickerDescribeSource } from './picker-error-words.ts';
import { templatePickerScript } from './template-picker-page.ts';

type PickerDescribe = (head: string, refusal: unknown, es: boolean) => { text: string; detail?: string };
const pickerDescribe = new Function(`return ${pickerDescribeSource}`)() as PickerDescribe;

const refusals: [ErrorWordKey, Refusal & { issues?: { path: string; message: string }[] }][] = [
  [
    'didTemplate',
    {
      code: 'whatsapp_refused',
      message: 'WhatsApp refused the template (131050): User has stopped marketing messages',
    },
  ],
  [
    'didTemplate',
    { code: 'whatsapp_refused', message: 'WhatsApp refused the template (131047): Re-engagement message' },
  ],
  ['didTemplate', { code: 'whatsapp_refused', message: 'WhatsApp refused the template (999): Something new' }],
  ['didTemplate', { code: 'conversation_ended', message: 'The conversation c1 has ended' }],
  ['didTemplate', { code: 'forbidden', message: 'Your role lacks Send templates on this channel' }],
  ['didTemplate', { code: 'whatsapp_unreachable', message: 'WhatsApp did not answer' }],
  ['didTemplate', { code: 'unreachable', message: '' }],
  ['didLoadTemplates', { code: 'some_new_code', message: 'Something new' }],
];

describe('the template picker page words errors like the side panel (one table in shared/errors)', () => {
  it.each(refusals)('%s after %j reads the same in English and Spanish', (head, refusal) => {
    for (const language of ['en', 'es']) {
      expect(pickerDescribe(head, refusal, language === 'es')).toEqual(
        describeFailure(head, refusal, translator(language)),
      );
    }
  });

  it('names the field a validation refusal is about, as the panel does', () => {
    const issue = { path: 'parameters.0', message: 'Too long' };
    expect(
      pickerDescribe('didTemplate', { code: 'validation_failed', message: 'Invalid', issues: [issue] }, false),
    ).toEqual(
      describeFailure('didTemplate', { code: 'validation_failed', message: 'Invalid', issue }, translator('en')),
    );
  });

  it('says plain words for the raw refusal a colleague saw, in both languages, with Meta’s code as the detail', () => {
    const refusal = {
      code: 'whatsapp_refused',
      message: 'WhatsApp refused the template (131050): User has stopped marketing messages',
    };
    expect(pickerDescribe('didTemplate', refusal, false)).toEqual({
      text: 'The template was not sent. Not delivered: the customer has stopped marketing messages.',
      detail: 'WhatsApp code 131050: User has stopped marketing messages',
    });
    expect(pickerDescribe('didTemplate', refusal, true)).toEqual({
      text: 'La plantilla no se envió. No entregado: el cliente ha dejado de recibir mensajes de marketing.',
      detail: 'Código de WhatsApp 131050: User has stopped marketing messages',
    });
  });

  it('without the platform’s answer only says to try again', () => {
    expect(pickerDescribe('didTemplate', undefined, false)).toEqual(
      describeFailure('didTemplate', undefined, translator('en')),
    );
  });

  it('ships the describer inside the page’s script, which still parses', () => {
    expect(templatePickerScript).toContain('"failStoppedMarketing"');
    expect(() => new Function(templatePickerScript)).not.toThrow();
  });
});
