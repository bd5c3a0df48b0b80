import { z } from 'zod';

/** Messages between the content script and the background, validated on arrival. */
export const openPanelMessageSchema = z.object({ type: z.literal('loro:open-panel') });
export type OpenPanelMessage = z.infer<typeof openPanelMessageSchema>;

/** "Start WhatsApp conversation" next to a number on the page (BY-2): only the number travels. */
export const startConversationMessageSchema = z.object({
  type: z.literal('loro:start-conversation'),
  number: z
    .string()
    .max(40)
    .regex(/^\+[\d\s().-]+$/),
});
export type StartConversationMessage = z.infer<typeof startConversationMessageSchema>;

/**
 * The side panel tells the console page's overlay that an offer arrived, so the agent notices it
 * while working in the console. Deliberately without the customer's data: the overlay lives in a
 * page the extension does not control (a shadow root is not a security boundary). It carries the
 * offer's kind, the platform's opaque offer id (for Accept) and how long the offer lasts.
 */
export const offerToastMessageSchema = z.object({
  type: z.literal('loro:offer-toast'),
  kind: z.enum(['conversation', 'transfer', 'conference']),
  offerId: z.string().max(200),
  /** Milliseconds until the offer expires: the toast lasts as long as the offer. */
  lastsMs: z.number(),
});
export type OfferToastMessage = z.infer<typeof offerToastMessageSchema>;

/** The offer was answered, taken back or expired: its toast goes away. */
export const offerToastGoneMessageSchema = z.object({ type: z.literal('loro:offer-toast-gone'), offerId: z.string() });
export type OfferToastGoneMessage = z.infer<typeof offerToastGoneMessageSchema>;

/** The agent clicked Accept on the console page's toast (a trusted click): the side panel accepts. */
export const toastAcceptMessageSchema = z.object({
  type: z.literal('loro:toast-accept'),
  offerId: z.string().max(200),
});
export type ToastAcceptMessage = z.infer<typeof toastAcceptMessageSchema>;

export function isOfferToastMessage(message: unknown): message is OfferToastMessage {
  return offerToastMessageSchema.safeParse(message).success;
}

export function isToastAcceptMessage(message: unknown): message is ToastAcceptMessage {
  return toastAcceptMessageSchema.safeParse(message).success;
}

export function isOpenPanelMessage(message: unknown): message is OpenPanelMessage {
  return openPanelMessageSchema.safeParse(message).success;
}

export function isStartConversationMessage(message: unknown): message is StartConversationMessage {
  return startConversationMessageSchema.safeParse(message).success;
}

/** Where the background leaves the number for the side panel (session storage: this browser session only). */
export const PENDING_OUTBOUND_KEY = 'loro.pendingOutbound';
export const pendingOutboundSchema = z.object({ number: z.string(), at: z.number() });
export type PendingOutbound = z.infer<typeof pendingOutboundSchema>;
