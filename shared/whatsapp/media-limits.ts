/**
 * The Cloud API's media types and size limits (Meta's "Supported media types"), env-neutral so
 * the side panel can refuse a file before uploading it and the platform and simulator can refuse
 * it again on the server, with the same rule named.
 */
const MB = 1024 * 1024;

export type MediaKind = 'image' | 'sticker' | 'audio' | 'video' | 'document';

/** Accepted MIME type → its kind and its largest size in bytes. */
export const MEDIA_LIMITS: Readonly<Record<string, { kind: MediaKind; maxBytes: number }>> = {
  'image/jpeg': { kind: 'image', maxBytes: 5 * MB },
  'image/png': { kind: 'image', maxBytes: 5 * MB },
  'image/webp': { kind: 'sticker', maxBytes: 500 * 1024 },
  'audio/aac': { kind: 'audio', maxBytes: 16 * MB },
  'audio/amr': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mpeg': { kind: 'audio', maxBytes: 16 * MB },
  'audio/mp4': { kind: 'audio', maxBytes: 16 * MB },
  'audio/ogg': { kind: 'audio', maxBytes: 16 * MB },
  'video/mp4': { kind: 'video', maxBytes: 16 * MB },
  'video/3gpp': { kind: 'video', maxBytes: 16 * MB },
  'text/plain': { kind: 'document', maxBytes: 100 * MB },
  'application/pdf': { kind: 'document', maxBytes: 100 * MB },
  'application/msword': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.ms-excel': { kind: 'document', maxBytes: 100 * MB },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'document', maxBytes: 100 * MB },
};

/** The `accept` attribute for a file picker offering exactly the accepted types. */
export const MEDIA_ACCEPT = Object.keys(MEDIA_LIMITS).join(',');

export type MediaCheck =
  | { ok: true; kind: MediaKind; maxBytes: number }
  | { ok: false; rule: 'type'; type: string }
  | { ok: false; rule: 'empty' }
  | { ok: false; rule: 'size'; type: string; maxBytes: number };

/** Whether a file of this MIME type and size may be uploaded, and if not which rule it breaks. */
export function checkMedia(file: { type: string; size: number }): MediaCheck {
  const type = file.type.split(';')[0]?.trim().toLowerCase() ?? '';
  const limit = MEDIA_LIMITS[type];
  if (limit === undefined) return { ok: false, rule: 'type', type };
  if (file.size <= 0) return { ok: false, rule: 'empty' };
  if (file.size > limit.maxBytes) return { ok: false, rule: 'size', type, maxBytes: limit.maxBytes };
  return { ok: true, kind: limit.kind, maxBytes: limit.maxBytes };
}

/** A size for people: "500 KB", "16 MB". */
export function formatMediaSize(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / 1024)} KB`;
}
