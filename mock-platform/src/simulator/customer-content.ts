import { checkMedia } from '../../../shared/whatsapp/media-limits.ts';
import type { SimMedia } from './media.ts';
import { MetaError } from './meta-error.ts';
import type { SimMessage } from './records.ts';

/** A file the customer sends from the phone. */
export interface CustomerFile {
  bytes: Uint8Array;
  mimeType: string;
  caption?: string | undefined;
  /** A document's name. */
  filename?: string | undefined;
  /** An audio recorded in WhatsApp (a voice note), not a file. */
  voice?: boolean | undefined;
}

/** Something the customer shares that is not a file: a place, contact cards, or a reaction. */
export type CustomerShare =
  | { location: { latitude: number; longitude: number; name?: string | undefined; address?: string | undefined } }
  | { contacts: { name: string; phones: string[] }[] }
  | { reaction: { messageId: string; emoji: string } };

type Content = Pick<SimMessage, 'type' | 'text' | 'payload'>;

/**
 * A customer's file as WhatsApp delivers it: uploaded to the number's media (Meta's limits apply),
 * then a message of its kind (image, sticker, audio, video, document) naming the media id.
 */
export async function customerFileContent(
  media: SimMedia,
  phoneNumberId: string,
  file: CustomerFile,
): Promise<Content> {
  const check = checkMedia({ type: file.mimeType, size: file.bytes.length });
  if (!check.ok) throw new MetaError(400, 131053, `Media upload error: ${file.mimeType} ${check.rule} not accepted`);
  const uploaded = await media.upload(phoneNumberId, {
    bytes: file.bytes,
    type: file.mimeType,
    filename: file.filename,
  });
  const caption = check.kind === 'audio' || check.kind === 'sticker' ? undefined : file.caption || undefined;
  const filename = check.kind === 'document' ? file.filename || 'document' : undefined;
  return {
    type: check.kind,
    text: caption ?? filename ?? '',
    payload: {
      id: uploaded.id,
      mime_type: uploaded.mimeType,
      sha256: uploaded.sha256,
      ...(caption ? { caption } : {}),
      ...(filename ? { filename } : {}),
      ...(check.kind === 'audio' && file.voice ? { voice: true } : {}),
    },
  };
}

/** A place, contact cards or a reaction, shaped as Meta's webhook carries them. */
export function sharedContent(shared: CustomerShare): Content {
  if ('location' in shared) {
    const { latitude, longitude, name, address } = shared.location;
    return {
      type: 'location',
      text: [name, address].filter(Boolean).join(', ') || `${latitude}, ${longitude}`,
      payload: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) },
    };
  }
  if ('contacts' in shared) {
    return {
      type: 'contacts',
      text: `👤 ${shared.contacts.map((card) => card.name).join(', ')}`,
      payload: {
        contacts: shared.contacts.map((card) => ({
          name: { formatted_name: card.name, first_name: card.name },
          phones: card.phones.map((phone) => ({ phone, type: 'CELL' })),
        })),
      },
    };
  }
  return {
    type: 'reaction',
    text: shared.reaction.emoji,
    payload: { message_id: shared.reaction.messageId, emoji: shared.reaction.emoji },
  };
}
