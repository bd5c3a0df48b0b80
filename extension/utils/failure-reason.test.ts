import { describe, expect, it } from 'vitest';
import { failureOf, needsTemplate } from './failure-reason.ts';
import { translator } from './i18n.ts';

describe('failureOf', () => {
  it('has nothing to say about a reply that did not fail', () => {
    expect(failureOf({ status: 'delivered' })).toBeUndefined();
    expect(failureOf({ status: 'sending' })).toBeUndefined();
  });

  it('says "may not have been sent" when WhatsApp could not be reached, with no code', () => {
    expect(failureOf({ status: 'failed', uncertain: true, error: 'x' })).toEqual({ reason: 'failUnreachable' });
  });

  it('words Meta’s codes in plain language and keeps the code and WhatsApp’s text as the detail', () => {
    expect(failureOf({ status: 'failed', errorCode: 131047, error: 'Re-engagement message' })).toEqual({
      reason: 'failWindowClosed',
      code: 131047,
      detail: 'Re-engagement message',
    });
    expect(failureOf({ status: 'failed', errorCode: 131026 })?.reason).toBe('failUndeliverable');
    expect(failureOf({ status: 'failed', errorCode: 131056 })?.reason).toBe('failPairRate');
    // A code without its own words is still a refusal, with the code shown.
    expect(failureOf({ status: 'failed', errorCode: 999999, error: 'Odd' })).toEqual({
      reason: 'failRefused',
      code: 999999,
      detail: 'Odd',
    });
    expect(failureOf({ status: 'failed' })).toEqual({ reason: 'failFailed' });
  });

  it('offers a template only when the 24-hour window was closed', () => {
    expect(needsTemplate({ errorCode: 131047 })).toBe(true);
    expect(needsTemplate({ errorCode: 131026 })).toBe(false);
    expect(needsTemplate({})).toBe(false);
  });

  it('has every reason in English and Spanish', () => {
    const en = translator('en');
    const es = translator('es');
    expect(en('failUnreachable')).toBe('WhatsApp could not be reached: the message may not have been sent.');
    expect(es('failUnreachable')).toBe('No se pudo contactar con WhatsApp: puede que el mensaje no se haya enviado.');
    expect(es('failDetail', { code: '131047', detail: 'Re-engagement message' })).toBe(
      'Código de WhatsApp 131047: Re-engagement message',
    );
    expect(es('retry')).toBe('Reintentar');
    expect(es('sendTemplateInstead')).toBe('Enviar una plantilla');
  });
});
