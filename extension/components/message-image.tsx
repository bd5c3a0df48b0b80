import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n.ts';

/**
 * A customer's photo in the transcript: fetched with the agent's token (an <img> cannot send it),
 * shown from a blob URL that is released when the bubble goes away.
 */
export function MessageImage({ mediaId, load }: { mediaId: string; load: (mediaId: string) => Promise<Blob> }) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let current = true;
    let objectUrl: string | undefined;
    load(mediaId).then(
      (blob) => {
        if (!current) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [mediaId]);
  if (failed) return <p class="image-missing">{t('imageUnavailable')}</p>;
  if (!url) return <div class="image-loading" aria-busy="true" />;
  return <img class="message-image" src={url} alt={t('customerPhoto')} data-testid="message-image" />;
}
