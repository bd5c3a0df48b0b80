/**
 * The messages between the extension's parts (content script ↔ background ↔ side panel): one
 * typed map, checked on arrival by hand-written guards. Not zod: the background and the content
 * script load this, and zod made the background 97 kB for 31 lines of wiring.
 */
export interface ProtocolMap {
  /** The overlay's launcher was clicked: the background opens the side panel (a user gesture). */
  'loro:open-panel': Record<never, never>;
  /** "Start WhatsApp conversation" next to a number on the page (BY-2): only the number travels. */
  'loro:start-conversation': { number: string };
  /**
   * The side panel tells the console page's overlay that an offer arrived. Deliberately without
   * the customer's data: the overlay lives in a page the extension does not control (a shadow
   * root is not a security boundary). The offer's kind, the platform's opaque offer id (for
   * Accept) and how long the offer lasts (ms: the toast lasts as long as the offer).
   */
  'loro:offer-toast': { kind: 'conversation' | 'transfer' | 'conference'; offerId: string; lastsMs: number };
  /** The offer was answered, taken back or expired: its toast goes away. */
  'loro:offer-toast-gone': { offerId: string };
  /** The agent clicked Accept on the console page's toast (a trusted click): the side panel accepts. */
  'loro:toast-accept': { offerId: string };
}

export type MessageType = keyof ProtocolMap;
export type ProtocolMessage<K extends MessageType = MessageType> = { [T in K]: { type: T } & ProtocolMap[T] }[K];
export type OpenPanelMessage = ProtocolMessage<'loro:open-panel'>;
export type StartConversationMessage = ProtocolMessage<'loro:start-conversation'>;
export type OfferToastMessage = ProtocolMessage<'loro:offer-toast'>;
export type OfferToastGoneMessage = ProtocolMessage<'loro:offer-toast-gone'>;
export type ToastAcceptMessage = ProtocolMessage<'loro:toast-accept'>;

const KINDS: readonly unknown[] = ['conversation', 'transfer', 'conference'];
const isOfferId = (value: unknown) => typeof value === 'string' && value.length <= 200;

const valid: { [K in MessageType]: (message: Record<string, unknown>) => boolean } = {
  'loro:open-panel': () => true,
  'loro:start-conversation': ({ number }) =>
    typeof number === 'string' && number.length <= 40 && /^\+[\d\s().-]+$/.test(number),
  'loro:offer-toast': ({ kind, offerId, lastsMs }) =>
    KINDS.includes(kind) && isOfferId(offerId) && typeof lastsMs === 'number' && Number.isFinite(lastsMs),
  'loro:offer-toast-gone': ({ offerId }) => typeof offerId === 'string',
  'loro:toast-accept': ({ offerId }) => isOfferId(offerId),
};

/** `value` as one of `types` when it is a well-formed message of that type; else undefined. */
export function readMessage<K extends MessageType>(value: unknown, ...types: K[]): ProtocolMessage<K> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  const type = types.find((candidate) => candidate === message.type);
  return type && valid[type](message) ? (value as ProtocolMessage<K>) : undefined;
}

export const isOfferToastMessage = (message: unknown): message is OfferToastMessage =>
  readMessage(message, 'loro:offer-toast') !== undefined;
export const isToastAcceptMessage = (message: unknown): message is ToastAcceptMessage =>
  readMessage(message, 'loro:toast-accept') !== undefined;

/** Where the background leaves the number for the side panel (session storage: this browser session only). */
export const PENDING_OUTBOUND_KEY = 'loro.pendingOutbound';
export type PendingOutbound = { number: string; at: number };
