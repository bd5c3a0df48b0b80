import { describe, expect, it } from 'vitest';
import { describeError, errorLine } from './agent-error.ts';
import { PlatformError } from './api-client.ts';
import { translator } from './i18n.ts';

const en = translator('en');
const es = translator('es');
const refused = (code: string, message: string, status = 409) => new PlatformError(status, code, message);

describe('describeError', () => {
  it.each([
    [
      'accept',
      refused('offer_not_pending', 'Offer o1 is accepted and can no longer be accepted'),
      'The conversation was not accepted. The offer is no longer open: it expired, was withdrawn or went to someone else.',
      'Platform code offer_not_pending',
    ],
    [
      'reject',
      refused('reject_not_allowed', 'Offers of the VIP queue cannot be rejected'),
      'The offer was not rejected. Offers of this queue cannot be rejected: accept it.',
      'Platform code reject_not_allowed',
    ],
    [
      'transfer',
      refused('agent_not_available', 'Bea is unavailable'),
      'The conversation was not transferred. That agent cannot take it now: choose someone available, or a queue.',
      'Platform code agent_not_available',
    ],
    [
      'conference',
      refused('conference_in_progress', 'This conversation already has a conference'),
      'The other agent was not invited. This conversation already has a conference: end it first.',
      'Platform code conference_in_progress',
    ],
    [
      'stopConference',
      refused('no_conference', 'This conversation has no active conference'),
      'The conference did not stop. The conference is already over.',
      'Platform code no_conference',
    ],
    [
      'end',
      refused('not_owner', 'Only the owner ends the conversation', 403),
      'The conversation was not ended. Only the agent who owns the conversation can do this.',
      'Platform code not_owner',
    ],
    [
      'template',
      refused('whatsapp_refused', 'WhatsApp refused the template (131050): User has stopped marketing messages'),
      'The template was not sent. Not delivered: the customer has stopped marketing messages.',
      'WhatsApp code 131050: User has stopped marketing messages',
    ],
    [
      'attachment',
      refused('upload_refused', 'WhatsApp refused the file (131053): Media upload error', 502),
      'The file was not sent. WhatsApp refused the message.',
      'WhatsApp code 131053: Media upload error',
    ],
    [
      'state',
      refused('forbidden', 'This needs the agent role', 403),
      'Your state did not change. Your role does not allow this: ask a supervisor.',
      'Platform code forbidden',
    ],
    [
      'wrapUp',
      refused('wrap_up_done', 'Wrap-up w1 is already done'),
      'The wrap-up was not saved. It had already been saved.',
      'Platform code wrap_up_done',
    ],
  ] as const)('%s: says what failed and what to do, the code as the detail', (action, caught, text, detail) => {
    expect(describeError(action, caught, en)).toEqual({ text, detail });
  });

  it('says the platform cannot be reached without a code, and signs-out words for a 401', () => {
    expect(
      describeError('accept', new PlatformError(0, 'unreachable', 'The platform at x cannot be reached'), en),
    ).toEqual({
      text: 'The conversation was not accepted. The platform cannot be reached: check your connection, then try again.',
    });
    expect(describeError('end', refused('session_expired', 'expired', 401), en).text).toBe(
      'The conversation was not ended. Your session has ended: sign in again.',
    );
  });

  it('names a refused field from the platform, and falls back to "try again" for the unknown', () => {
    const invalid = new PlatformError(400, 'validation_failed', 'note: is required', [
      { path: 'note', message: 'is required' },
    ]);
    expect(describeError('wrapUp', invalid, en)).toEqual({
      text: 'The wrap-up was not saved. Something in it was refused: check it and try again.',
      detail: 'Platform code validation_failed: note: is required',
    });
    expect(describeError('load', new Error('boom'), en)).toEqual({
      text: 'Something the panel needs could not be loaded. Try again; if it keeps failing, tell your supervisor.',
    });
    expect(describeError('send', refused('teapot', 'odd'), en).text).toBe(
      'The reply was not sent. Try again; if it keeps failing, tell your supervisor.',
    );
  });

  it('words a list that did not load (templates, rich messages)', () => {
    const failure = new PlatformError(502, 'whatsapp_unreachable', 'The templates could not be loaded from WhatsApp');
    expect(describeError('loadTemplates', failure, es)).toEqual({
      text: 'No se pudieron cargar las plantillas. No se pudo contactar con WhatsApp: inténtelo de nuevo en un momento.',
      detail: 'Código de la plataforma whatsapp_unreachable',
    });
    expect(describeError('loadRich', failure, en).text).toMatch(/^The rich messages could not be loaded\. /);
  });

  it.each([
    [
      'note',
      'The note was not saved. The conversation has already ended.',
      'La nota no se guardó. La conversación ya ha finalizado.',
    ],
    [
      'tag',
      'The tags did not change. The conversation has already ended.',
      'Las etiquetas no cambiaron. La conversación ya ha finalizado.',
    ],
    [
      'loadCustomer',
      'The customer’s details could not be loaded. The conversation has already ended.',
      'No se pudieron cargar los datos del cliente. La conversación ya ha finalizado.',
    ],
    [
      'loadPast',
      'The past conversation could not be opened. The conversation has already ended.',
      'No se pudo abrir la conversación anterior. La conversación ya ha finalizado.',
    ],
  ] as const)(
    '%s (notes and customer view): the platform’s English refusal in English and Spanish',
    (action, inEnglish, inSpanish) => {
      const failure = refused('conversation_ended', 'Conversation c1 has ended');
      expect(describeError(action, failure, en)).toEqual({
        text: inEnglish,
        detail: 'Platform code conversation_ended',
      });
      expect(describeError(action, failure, es)).toEqual({
        text: inSpanish,
        detail: 'Código de la plataforma conversation_ended',
      });
    },
  );

  it('speaks Spanish, Meta’s code kept as the detail', () => {
    const error = describeError(
      'template',
      refused('whatsapp_refused', 'WhatsApp refused the template (131050): User has stopped marketing messages'),
      es,
    );
    expect(error).toEqual({
      text: 'La plantilla no se envió. No entregado: el cliente ha dejado de recibir mensajes de marketing.',
      detail: 'Código de WhatsApp 131050: User has stopped marketing messages',
    });
    expect(describeError('transfer', refused('channel_not_in_role', 'x'), es)).toEqual({
      text: 'La conversación no se transfirió. Ese agente no atiende este canal: elija otro agente, o una cola.',
      detail: 'Código de la plataforma channel_not_in_role',
    });
    expect(errorLine(error)).toBe(`${error.text} (${error.detail})`);
  });
});
