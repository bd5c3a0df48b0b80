import type { MessageContact, MessageMedia } from '../../../shared/api/attachment-schemas.ts';
import type { InboundMessage } from '../../../shared/whatsapp/webhook-schema.ts';
import type { Store } from '../store/store.ts';
import type { Message, PlatformSchema } from './records.ts';
import { answeredMessageId } from './reply-context.ts';

const MEDIA_KINDS = ['image', 'sticker', 'audio', 'video', 'document'] as const;

/**
 * What a customer's message carries besides its text, kept on the stored message so the
 * transcript can show it: media by its Cloud API id (fetched through the platform, never by the
 * panel from WhatsApp), a place, contact cards, or a reaction to a message of the conversation.
 */
export function inboundAttachments(
  store: Store<PlatformSchema>,
  conversationId: string,
  message: InboundMessage,
): Pick<Message, 'media' | 'location' | 'contacts' | 'reaction'> {
  const kind = MEDIA_KINDS.find((k) => k === message.type);
  if (kind) {
    const media = message[kind];
    if (!media) return {};
    const filename = kind === 'document' ? message.document?.filename : undefined;
    const stored: MessageMedia = {
      id: media.id,
      kind,
      ...(media.mime_type ? { mimeType: media.mime_type } : {}),
      ...(filename ? { filename } : {}),
      // Meta marks a voice note (recorded in WhatsApp) with `voice: true` on the audio object.
      ...(kind === 'audio' && (media as { voice?: unknown }).voice === true ? { voice: true } : {}),
    };
    return { media: stored };
  }
  if (message.type === 'location' && message.location) {
    const { latitude, longitude, name, address } = message.location;
    return { location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) } };
  }
  if (message.type === 'contacts' && message.contacts) {
    return { contacts: message.contacts.map(contactCard) };
  }
  if (message.type === 'reaction' && message.reaction) {
    const target = answeredMessageId(store, conversationId, message.reaction.message_id);
    return target ? { reaction: { messageId: target, emoji: message.reaction.emoji ?? '' } } : {};
  }
  return {};
}

/** A shared contact: its formatted name and the numbers on the card, read leniently (Meta adds fields). */
function contactCard(contact: NonNullable<InboundMessage['contacts']>[number]): MessageContact {
  const phones = (contact as { phones?: unknown }).phones;
  return {
    name: contact.name?.formatted_name ?? '',
    phones: Array.isArray(phones)
      ? phones.flatMap((phone: unknown) => {
          const value = (phone as { phone?: unknown; wa_id?: unknown } | null)?.phone;
          return typeof value === 'string' && value.trim() ? [value.trim()] : [];
        })
      : [],
  };
}
