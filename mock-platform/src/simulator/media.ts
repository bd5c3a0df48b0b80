import { createHash, randomInt } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { MEDIA_LIMITS } from '../../../shared/whatsapp/media-limits.ts';
import type { Store } from '../store/store.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimulatorSchema } from './records.ts';

const MB = 1024 * 1024;
/** Meta keeps uploaded media for 30 days. */
export const MEDIA_TTL_MS = 30 * 24 * 60 * 60_000;

/** Meta's largest media file (a 100 MB document): the Graph upload body limit is sized to it. */
export const MAX_MEDIA_BYTES = Math.max(...Object.values(MEDIA_LIMITS).map((limit) => limit.maxBytes));

/** What the bytes are, from their first bytes, for the formats where a lie would matter. */
export function sniffImage(bytes: Uint8Array): 'image/jpeg' | 'image/png' | 'image/webp' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if ([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => bytes[i] === byte)) return 'image/png';
  if (String.fromCharCode(...bytes.slice(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP')
    return 'image/webp';
  return undefined;
}

/**
 * Media uploaded to a business number (`POST /{phone-number-id}/media`), retrievable by id with
 * a download URL, deletable. Metadata is stored; bytes live in memory, as Meta's media URLs are
 * short-lived anyway: after a restart the metadata answers and the download says it has expired.
 * Like Meta's, media expire 30 days after upload (by the clock): unknown from then on, and the
 * sweep deletes them.
 */
export class SimMedia {
  readonly #bytes = new Map<string, Uint8Array>();

  constructor(
    private readonly store: Store<SimulatorSchema>,
    private readonly clock: Clock,
  ) {}

  async upload(phoneNumberId: string, file: { bytes: Uint8Array; type: string; filename?: string | undefined }) {
    const limit = MEDIA_LIMITS[file.type]?.maxBytes;
    if (limit === undefined) {
      throw new MetaError(400, 131053, `Media upload error: type ${file.type || '(none)'} is not supported`);
    }
    if (file.bytes.length === 0) throw new MetaError(400, 131053, 'Media upload error: the file is empty');
    if (file.bytes.length > limit) {
      throw new MetaError(400, 131053, `Media upload error: ${file.type} files are limited to ${limit / MB} MB`);
    }
    if (file.type.startsWith('image/') && sniffImage(file.bytes) !== file.type) {
      throw new MetaError(400, 131053, `Media upload error: the file is not a ${file.type} image`);
    }
    const id = String(10 ** 14 + randomInt(0, 2 ** 47));
    const row = {
      id,
      phoneNumberId,
      mimeType: file.type,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      fileSize: file.bytes.length,
      ...(file.filename ? { filename: file.filename } : {}),
      uploadedAt: this.clock.now(),
    };
    await this.store.commit([put('media', row)]);
    // A copy: a Node Buffer may be a view into a shared pool.
    this.#bytes.set(id, new Uint8Array(file.bytes));
    return row;
  }

  get(id: string) {
    const media = this.store.get('media', id);
    return media && media.uploadedAt + MEDIA_TTL_MS > this.clock.now() ? media : undefined;
  }

  bytes(id: string): Uint8Array | undefined {
    return this.get(id) ? this.#bytes.get(id) : undefined;
  }

  /** Deletes the media past their 30 days (metadata and bytes); resolves with how many. */
  async expire(): Promise<number> {
    const cutoff = this.clock.now() - MEDIA_TTL_MS;
    const expired = this.store.all('media').filter((media) => media.uploadedAt <= cutoff);
    if (expired.length === 0) return 0;
    await this.store.commit(
      expired.map((media) => ({ type: 'delete' as const, collection: 'media' as const, id: media.id })),
    );
    for (const media of expired) this.#bytes.delete(media.id);
    return expired.length;
  }

  async remove(id: string): Promise<boolean> {
    if (!this.store.get('media', id)) return false;
    await this.store.commit([{ type: 'delete', collection: 'media', id }]);
    this.#bytes.delete(id);
    return true;
  }
}
