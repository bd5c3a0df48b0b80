import type { MessageMedia } from '../../../shared/api/attachment-schemas.ts';

/**
 * The Cloud API body that sends an uploaded file by its media id: its caption (images, videos and
 * documents) and a document's file name. Shared by the first send and the agent's Retry, which
 * re-uses the file WhatsApp already has instead of uploading it again.
 */
export function attachmentPayload(media: MessageMedia, caption: string | undefined): Record<string, unknown> {
  const kind = media.kind ?? 'image';
  return {
    type: kind,
    [kind]: {
      id: media.id,
      ...(caption ? { caption } : {}),
      ...(kind === 'document' && media.filename ? { filename: media.filename } : {}),
    },
  };
}
