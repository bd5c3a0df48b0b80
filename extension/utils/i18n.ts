/** English and Spanish UI text; Spanish when the browser's language is Spanish. */
const en = {
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  signOut: 'Sign out',
  platformUrl: 'Platform URL',
  username: 'Username',
  password: 'Password',
  available: 'Available',
  unavailable: 'Unavailable',
  rona: 'RONA',
  goAvailable: 'Go Available',
  goUnavailable: 'Go Unavailable',
  connecting: 'Connecting to the platform…',
  offline: 'Connection lost: reconnecting…',
  incoming: 'Incoming WhatsApp conversation',
  customerName: 'Customer name',
  customerNumber: 'Customer number',
  originNumber: 'Origin number',
  queueName: 'Queue',
  accept: 'Accept',
  tasks: 'Conversations',
  noTasks: 'No conversations yet. Go Available to receive WhatsApp conversations.',
  noTasksAvailable: 'Waiting for WhatsApp conversations…',
  typeReply: 'Reply to {name}',
  send: 'Send',
  sending: 'Sending…',
  you: 'You',
  windowClosed: 'The 24-hour window is closed: only templates can be sent.',
  windowLeft: '24-hour window: {time} left',
  statusPending: 'Sending',
  statusSent: 'Sent',
  statusDelivered: 'Delivered',
  statusRead: 'Read',
  statusFailed: 'Not delivered',
  sessionExpired: 'Your session expired: sign in again.',
} as const;

const es: Record<keyof typeof en, string> = {
  signIn: 'Iniciar sesión',
  signingIn: 'Iniciando sesión…',
  signOut: 'Cerrar sesión',
  platformUrl: 'URL de la plataforma',
  username: 'Usuario',
  password: 'Contraseña',
  available: 'Disponible',
  unavailable: 'No disponible',
  rona: 'RONA',
  goAvailable: 'Pasar a Disponible',
  goUnavailable: 'Pasar a No disponible',
  connecting: 'Conectando con la plataforma…',
  offline: 'Conexión perdida: reconectando…',
  incoming: 'Conversación de WhatsApp entrante',
  customerName: 'Nombre del cliente',
  customerNumber: 'Número del cliente',
  originNumber: 'Número de origen',
  queueName: 'Cola',
  accept: 'Aceptar',
  tasks: 'Conversaciones',
  noTasks: 'Aún no hay conversaciones. Pase a Disponible para recibir conversaciones de WhatsApp.',
  noTasksAvailable: 'Esperando conversaciones de WhatsApp…',
  typeReply: 'Responder a {name}',
  send: 'Enviar',
  sending: 'Enviando…',
  you: 'Usted',
  windowClosed: 'La ventana de 24 horas está cerrada: solo se pueden enviar plantillas.',
  windowLeft: 'Ventana de 24 horas: quedan {time}',
  statusPending: 'Enviando',
  statusSent: 'Enviado',
  statusDelivered: 'Entregado',
  statusRead: 'Leído',
  statusFailed: 'No entregado',
  sessionExpired: 'Su sesión expiró: inicie sesión de nuevo.',
};

export type MessageKey = keyof typeof en;

export function translator(language: string) {
  const table: Record<MessageKey, string> = language.toLowerCase().startsWith('es') ? es : en;
  return (key: MessageKey, values: Record<string, string> = {}) =>
    table[key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}

export const t = translator(globalThis.navigator?.language ?? 'en');
