import { z } from 'zod';

/**
 * What a message carries besides its text, stored on the platform and shown in transcripts:
 * media (by its Cloud API id, fetched through the platform), a place, shared contacts, or a
 * reaction to another message. Each is optional, so rows stored before still read.
 */

export const mediaKindSchema = z.enum(['image', 'sticker', 'audio', 'video', 'document']);

/** Media on a message: load it from `/api/conversations/{id}/media/{id}`. */
export const messageMediaSchema = z.object({
  id: z.string(),
  mimeType: z.string().optional(),
  /** Absent on photos stored before other kinds were kept: an image. */
  kind: mediaKindSchema.optional(),
  /** A document's file name (masked like text when masking is on). */
  filename: z.string().optional(),
  /** A voice note (recorded in WhatsApp) rather than an audio file. */
  voice: z.boolean().optional(),
});
export type MessageMedia = z.infer<typeof messageMediaSchema>;

export const messageLocationSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  name: z.string().optional(),
  address: z.string().optional(),
});
export type MessageLocation = z.infer<typeof messageLocationSchema>;

/** A contact card the customer shared: its name and numbers (masked when masking is on). */
export const messageContactSchema = z.object({ name: z.string(), phones: z.array(z.string()) });
export type MessageContact = z.infer<typeof messageContactSchema>;

/** A reaction: the message of the conversation it reacts to, and the emoji ('' = taken back). */
export const messageReactionSchema = z.object({ messageId: z.string(), emoji: z.string() });
export type MessageReaction = z.infer<typeof messageReactionSchema>;

/** The longest caption WhatsApp takes on media. */
export const CAPTION_MAX = 1024;
