import { useState } from 'preact/hooks';
import type { MessageView } from '../../shared/api/schemas.ts';
import { t } from '../utils/i18n.ts';
import { MessageImage } from './message-image.tsx';
import { useMediaUrl } from './use-media-url.ts';

type Load = (mediaId: string) => Promise<Blob>;

/**
 * What a message carries besides its text: a photo or sticker, a voice note, audio or video that
 * plays, a document to download (its name masked by the platform like text), a place linked to a
 * map, contact cards with their (masked) numbers.
 */
export function MessageAttachment({ message, load }: { message: MessageView; load?: Load | undefined }) {
  const { media, location, contacts } = message;
  if (location) {
    const { latitude: lat, longitude: lon } = location;
    return (
      <a
        class="map-link"
        href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="message-location"
      >
        {t('openMap')}
      </a>
    );
  }
  if (contacts) {
    return (
      <ul class="contact-cards" data-testid="message-contacts">
        {contacts.map((card) => (
          <li key={card.name}>
            {card.name}
            {card.phones.map((phone) => (
              <span key={phone} class="phone">
                {phone}
              </span>
            ))}
          </li>
        ))}
      </ul>
    );
  }
  if (!media || !load) return null;
  const kind = media.kind ?? 'image';
  if (kind === 'image' || kind === 'sticker') {
    return <MessageImage mediaId={media.id} load={load} sticker={kind === 'sticker'} />;
  }
  if (kind === 'document') return <DocumentLink id={media.id} name={media.filename ?? 'document'} load={load} />;
  return <Player id={media.id} video={kind === 'video'} voice={media.voice === true} load={load} />;
}

/** A voice note, audio or video: loaded on Play, then played in place. */
function Player({ id, video, voice, load }: { id: string; video: boolean; voice: boolean; load: Load }) {
  const [active, setActive] = useState(false);
  const { url, failed } = useMediaUrl(id, load, active);
  if (failed) return <p class="image-missing">{t('mediaUnavailable')}</p>;
  if (url) {
    // WhatsApp media come without caption tracks: there is nothing to offer.
    return video ? (
      // biome-ignore lint/a11y/useMediaCaption: WhatsApp videos carry no caption track
      <video class="message-video" src={url} controls autoplay data-testid="message-video" />
    ) : (
      // biome-ignore lint/a11y/useMediaCaption: WhatsApp voice notes carry no caption track
      <audio src={url} controls autoplay data-testid="message-audio" />
    );
  }
  return (
    <button type="button" class="play" onClick={() => setActive(true)} data-testid="play-media" aria-busy={active}>
      ▶ {voice ? t('voiceNote') : video ? 'Video' : 'Audio'} · {t('play')}
    </button>
  );
}

/** A document: its name, and Download (fetched through the platform, saved under that name). */
function DocumentLink({ id, name, load }: { id: string; name: string; load: Load }) {
  const [failed, setFailed] = useState(false);
  async function download() {
    try {
      const url = URL.createObjectURL(await load(id));
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch {
      setFailed(true);
    }
  }
  return (
    <div class="document" data-testid="message-document">
      <span class="file-name" dir="auto">
        {name}
      </span>
      <button type="button" class="link" onClick={download} data-testid="download-document">
        {t('download')}
      </button>
      {failed && <p class="image-missing">{t('mediaUnavailable')}</p>}
    </div>
  );
}
