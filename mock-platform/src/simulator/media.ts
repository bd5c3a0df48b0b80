import { createHash, randomInt } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { MEDIA_LIMITS } from '../../../shared/whatsapp/media-limits.ts';
import type { Store } from '../store/store.ts';
import { MetaError } from './meta-error.ts';
import { putSim as put, type SimulatorSchema } from './records.ts';

const MB = 1024 * 1024;

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
    return this.store.get('media', id);
  }

  bytes(id: string): Uint8Array | undefined {
    return this.#bytes.get(id);
  }

  async remove(id: string): Promise<boolean> {
    if (!this.store.get('media', id)) return false;
    await this.store.commit([{ type: 'delete', collection: 'media', id }]);
    this.#bytes.delete(id);
    return true;
  }
}
