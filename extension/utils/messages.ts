import { z } from 'zod';

/** Messages between the content script and the background, validated on arrival. */
export const openPanelMessageSchema = z.object({ type: z.literal('loro:open-panel') });
export type OpenPanelMessage = z.infer<typeof openPanelMessageSchema>;

export function isOpenPanelMessage(message: unknown): message is OpenPanelMessage {
  return openPanelMessageSchema.safeParse(message).success;
}
