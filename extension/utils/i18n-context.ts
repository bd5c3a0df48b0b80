/**
 * The side panel's private notes and customer context texts, in English and Spanish: spread
 * into the tables of i18n.ts.
 */
export const contextEn = {
  note: 'Private note',
  noteAdd: 'Add note',
  customer: 'Customer',
  optInWrote: 'Wrote to us',
  optInRefused: 'Refused messages (131050)',
  optInUnknown: 'Consent not known',
  preferredAgent: 'Preferred agent',
  tags: 'Tags',
  tagAdd: 'Add tag',
  previous: 'Previous conversations',
  back: 'Back',
  readOnly: 'Read-only',
} as const;

export const contextEs: Record<keyof typeof contextEn, string> = {
  note: 'Nota privada',
  noteAdd: 'Añadir nota',
  customer: 'Cliente',
  optInWrote: 'Nos escribió',
  optInRefused: 'Rechazó mensajes (131050)',
  optInUnknown: 'Consentimiento desconocido',
  preferredAgent: 'Agente preferido',
  tags: 'Etiquetas',
  tagAdd: 'Añadir etiqueta',
  previous: 'Conversaciones anteriores',
  back: 'Volver',
  readOnly: 'Solo lectura',
};
