/** The customer simulator's English text: the source dictionary (es.ts has exactly its keys). */
export const en = {
  title: 'Customer simulator',
  typing: 'typing…',
  businessNumber: 'Business number',
  yourNumber: 'Your number',
  yourName: 'Your name',
  optIn: 'Opt in',
  optOut: 'Opt out',
  optedIn: 'You opted in',
  optedOut: 'You opted out',
  empty: 'No messages yet. Write to the business below.',
  attach: 'Send a photo, video or document',
  voice: 'Send a voice note',
  placeholder: 'Type a message',
  send: 'Send',
  you: 'You',
  business: 'Business',
  photo: 'photo',
  sticker: 'sticker',
  document: 'document',
  notOnWhatsApp: 'not on WhatsApp',
} as const;

export type CustomerKey = keyof typeof en;
