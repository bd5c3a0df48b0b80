import type { MessageView } from '../../../shared/api/schemas.ts';
import type { Masker } from './masking.ts';
import type { Message } from './records.ts';

/**
 * A message's media, place, contact cards and reaction as agents see them: file names, place
 * names and addresses masked like text, a contact's numbers masked as phone numbers (a card's
 * numbers are phone numbers whatever their format), so nothing leaves unmasked while masking is on.
 */
export function attachmentView(
  message: Message,
  mask: Masker,
): Pick<MessageView, 'media' | 'location' | 'contacts' | 'reaction'> & { text?: string } {
  const { media, location, contacts, reaction } = message;
  return {
    // Documents stored before file names were kept apart carry the name as their text too.
    ...(media?.filename !== undefined && message.text === media.filename ? { text: '' } : {}),
    ...(media
      ? {
          media: {
            ...media,
            ...(media.filename !== undefined ? { filename: maskFileName(media.filename, mask.text) } : {}),
          },
        }
      : {}),
    ...(location
      ? {
          location: {
            latitude: location.latitude,
            longitude: location.longitude,
            ...(location.name !== undefined ? { name: mask.text(location.name) } : {}),
            ...(location.address !== undefined ? { address: mask.text(location.address) } : {}),
          },
        }
      : {}),
    ...(contacts
      ? { contacts: contacts.map((card) => ({ name: mask.name(card.name), phones: card.phones.map(mask.phone) })) }
      : {}),
    ...(reaction ? { reaction } : {}),
  };
}

/**
 * A file name masked like text: the name and its extension apart, since "612 34 56 78.pdf" does
 * not read as a phone number to the masker while "612 34 56 78" does.
 */
export function maskFileName(name: string, maskText: (text: string) => string): string {
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  return maskText(name.slice(0, name.length - extension.length)) + extension;
}
