import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { imageSize } from './image-size.ts';
import type { SimMedia } from './media.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimulatorSchema } from './records.ts';

export const VERTICALS = [
  'UNDEFINED',
  'OTHER',
  'AUTO',
  'BEAUTY',
  'APPAREL',
  'EDU',
  'ENTERTAIN',
  'EVENT_PLAN',
  'FINANCE',
  'GROCERY',
  'GOVT',
  'HOTEL',
  'HEALTH',
  'NONPROFIT',
  'PROF_SERVICES',
  'RETAIL',
  'TRAVEL',
  'RESTAURANT',
  'NOT_A_BIZ',
] as const;

/** `POST /{phone-number-id}/whatsapp_business_profile`, with Meta's limits. */
export const businessProfileUpdateSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  about: z.string().min(1, 'about must not be empty').max(139, 'about must be at most 139 characters').optional(),
  address: z.string().max(256, 'address must be at most 256 characters').optional(),
  description: z.string().max(256, 'description must be at most 256 characters').optional(),
  email: z.email('email must be an email address').max(128, 'email must be at most 128 characters').optional(),
  websites: z
    .array(z.url({ protocol: /^https?$/, error: 'websites must be http(s) URLs' }).max(256))
    .max(2, 'at most 2 websites')
    .optional(),
  vertical: z.enum(VERTICALS).optional(),
  /** Here: the id of an image uploaded with `POST /{phone-number-id}/media`. */
  profile_picture_handle: z.string().min(1).optional(),
});
export type BusinessProfileUpdate = z.infer<typeof businessProfileUpdateSchema>;

/** The largest profile picture WhatsApp takes, and the size it recommends. */
export const PROFILE_PICTURE_MAX_BYTES = 5 * 1024 * 1024;
export const PROFILE_PICTURE_RECOMMENDED = 640;

/**
 * Checks a logo from its bytes (CH-2): JPEG or PNG, at most 5 MB, square. Returns a note when it is
 * smaller than the recommended 640×640 (accepted, but WhatsApp shows it blurred).
 */
export function checkProfilePicture(media: SimMedia, mediaId: string): { note?: string } {
  const info = media.get(mediaId);
  const bytes = media.bytes(mediaId);
  if (!info || !bytes)
    throw new MetaError(400, 131009, `Parameter value is not valid: media ${mediaId} does not exist`);
  if (info.mimeType !== 'image/jpeg' && info.mimeType !== 'image/png')
    throw new MetaError(400, 131009, 'The profile picture must be a JPEG or PNG image');
  if (bytes.length > PROFILE_PICTURE_MAX_BYTES)
    throw new MetaError(400, 131009, 'The profile picture must be at most 5 MB');
  const size = imageSize(bytes);
  if (!size) throw new MetaError(400, 131009, 'The profile picture could not be read as an image');
  if (size.width !== size.height)
    throw new MetaError(400, 131009, `The profile picture must be square (it is ${size.width}×${size.height})`);
  return size.width < PROFILE_PICTURE_RECOMMENDED
    ? { note: `${size.width}×${size.height} is below the recommended 640×640` }
    : {};
}

export async function updateBusinessProfile(
  store: Store<SimulatorSchema>,
  media: SimMedia,
  phoneNumberId: string,
  update: BusinessProfileUpdate,
): Promise<void> {
  if (update.profile_picture_handle) checkProfilePicture(media, update.profile_picture_handle);
  const current = store.get('businessProfiles', phoneNumberId) ?? { id: phoneNumberId };
  const { messaging_product: _product, profile_picture_handle: picture, ...fields } = update;
  const known = Object.fromEntries(
    Object.entries(fields).filter(([key]) =>
      ['about', 'address', 'description', 'email', 'websites', 'vertical'].includes(key),
    ),
  );
  await store.commit([
    put('businessProfiles', { ...current, ...known, ...(picture ? { pictureMediaId: picture } : {}) }),
  ]);
}
