/**
 * The composer's texts (canned responses, replying to a message, keyboard shortcuts), in English
 * and Spanish: spread into the tables of i18n.ts.
 */
export const composerEn = {
  cannedTitle: 'Canned responses',
  cannedNone: 'No canned response matches “{query}”. Esc closes.',
  cannedEmpty: 'No canned responses for this channel yet.',
  cannedFailed: 'Canned responses could not be loaded.',
  cannedHint: '↑↓ choose · Enter insert · Esc close',
  replyAction: 'Reply',
  replyingTo: 'Replying to {name}',
  cancelReply: 'Cancel the reply',
  quotedCustomer: 'Customer',
  shortcutsTitle: 'Keyboard shortcuts',
  shortcutAccept: 'Accept the offer',
  shortcutNext: 'Next conversation',
  shortcutEnd: 'End the conversation',
  shortcutCanned: 'Canned responses (at the start of the reply)',
  shortcutCancelReply: 'Close the list or cancel the reply',
} as const;

export const composerEs: Record<keyof typeof composerEn, string> = {
  cannedTitle: 'Respuestas predefinidas',
  cannedNone: 'Ninguna respuesta predefinida coincide con «{query}». Esc cierra.',
  cannedEmpty: 'Aún no hay respuestas predefinidas para este canal.',
  cannedFailed: 'No se pudieron cargar las respuestas predefinidas.',
  cannedHint: '↑↓ elegir · Intro insertar · Esc cerrar',
  replyAction: 'Responder',
  replyingTo: 'Respondiendo a {name}',
  cancelReply: 'Cancelar la respuesta',
  quotedCustomer: 'Cliente',
  shortcutsTitle: 'Atajos de teclado',
  shortcutAccept: 'Aceptar la oferta',
  shortcutNext: 'Conversación siguiente',
  shortcutEnd: 'Finalizar la conversación',
  shortcutCanned: 'Respuestas predefinidas (al inicio de la respuesta)',
  shortcutCancelReply: 'Cerrar la lista o cancelar la respuesta',
};
