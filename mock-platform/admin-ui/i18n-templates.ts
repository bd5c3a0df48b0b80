/** The channel page's list of WhatsApp message templates, in English and Spanish (merged into the admin UI's dictionaries). */

export const templatesEn = {
  messageTemplates: 'Message templates (as WhatsApp reports them)',
  templateName: 'Template',
  templateLanguage: 'Language',
  templateStatus: 'Status',
  templateReason: 'Reason',
  templateChangedAt: 'Status changed',
  templateAccount: 'WhatsApp account',
  noTemplates: 'This WhatsApp account has no message templates yet.',
};

export const templatesEs: Record<keyof typeof templatesEn, string> = {
  messageTemplates: 'Plantillas de mensaje (según WhatsApp)',
  templateName: 'Plantilla',
  templateLanguage: 'Idioma',
  templateStatus: 'Estado',
  templateReason: 'Motivo',
  templateChangedAt: 'Cambio de estado',
  templateAccount: 'Cuenta de WhatsApp',
  noTemplates: 'Esta cuenta de WhatsApp aún no tiene plantillas de mensaje.',
};
