import { useState } from 'preact/hooks';
import { t } from '../utils/i18n.ts';
import { useMediaUrl } from './use-media-url.ts';
import './message-image.css';

/**
 * A photo or sticker in the transcript, loaded through the platform. A photo opens larger on
 * click (Escape or a click closes it); a sticker shows as it is.
 */
export function MessageImage({
  mediaId,
  load,
  sticker = false,
}: {
  mediaId: string;
  load: (mediaId: string) => Promise<Blob>;
  sticker?: boolean;
}) {
  const { url, failed } = useMediaUrl(mediaId, load);
  const [large, setLarge] = useState(false);
  if (failed) return <p class="image-missing">{t('imageUnavailable')}</p>;
  if (!url) return <div class="image-loading" aria-busy="true" />;
  const alt = sticker ? 'Sticker' : t('customerPhoto');
  if (sticker) return <img class="message-sticker" src={url} alt={alt} data-testid="message-sticker" />;
  return (
    <>
      <button type="button" class="image-button" title={t('enlarge')} onClick={() => setLarge(true)}>
        <img class="message-image" src={url} alt={alt} data-testid="message-image" />
      </button>
      {large && (
        <div
          class="lightbox"
          role="dialog"
          aria-label={alt}
          data-testid="image-lightbox"
          onClick={() => setLarge(false)}
          onKeyDown={(event) => event.key === 'Escape' && setLarge(false)}
        >
          <img src={url} alt={alt} />
        </div>
      )}
    </>
  );
}
