import { useEffect, useState } from 'preact/hooks';

/**
 * A media file loaded with the agent's token (an <img> or <audio> cannot send it), as a blob URL
 * released when the component goes away. Loads only once `active` (audio and video on Play).
 */
export function useMediaUrl(mediaId: string, load: (mediaId: string) => Promise<Blob>, active = true) {
  const [url, setUrl] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!active) return;
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
  }, [mediaId, active]);
  return { url, failed };
}
