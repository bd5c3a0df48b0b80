import type { Translation } from '../../../../shared/i18n/translator.ts';
import type { en } from './en.ts';

/** The customer simulator's Spanish text: exactly the keys of en.ts. */
export const es = {
  title: 'Simulador de cliente',
  typing: 'escribiendo…',
  businessNumber: 'Número de la empresa',
  yourNumber: 'Tu número',
  yourName: 'Tu nombre',
  optIn: 'Aceptar mensajes',
  optOut: 'No recibir',
  optedIn: 'Aceptaste mensajes',
  optedOut: 'No recibirás mensajes',
  empty: 'Aún no hay mensajes. Escribe a la empresa abajo.',
  attach: 'Enviar foto, vídeo o documento',
  voice: 'Enviar una nota de voz',
  placeholder: 'Escribe un mensaje',
  send: 'Enviar',
  you: 'Tú',
  business: 'Empresa',
  photo: 'foto',
  sticker: 'sticker',
  document: 'documento',
  notOnWhatsApp: 'no está en WhatsApp',
} as const satisfies Translation<typeof en>;
