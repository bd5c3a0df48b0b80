import type { Translation } from '../../../../shared/i18n/translator.ts';
import type { en } from './en.ts';

/** The template picker's Spanish text: exactly the keys of en.ts. */
export const es = {
  choose: 'Elija una plantilla aprobada',
  none: 'No hay plantillas aprobadas para este canal.',
  variable: 'Variable',
  send: 'Enviar',
  back: 'Volver',
  sent: 'Plantilla enviada.',
  fill: 'Complete todas las variables.',
  expired: 'Este selector caducó: ábralo de nuevo desde el panel.',
} as const satisfies Translation<typeof en>;
