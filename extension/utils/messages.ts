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
