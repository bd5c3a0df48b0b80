import { useEffect, useRef, useState } from 'preact/hooks';
import { MEDIA_ACCEPT } from '../../shared/whatsapp/media-limits.ts';
import { attachmentProblem, attachmentType } from '../utils/attachment-check.ts';
import { t } from '../utils/i18n.ts';

/** Sends a file with its caption, reporting progress; resolves with the refusal in words, if any. */
export type SendAttachment = (
  file: File,
  caption: string,
  onProgress: (percent: number) => void,
) => Promise<string | undefined>;

/**
 * The composer's attach button, and the conversation as a drop zone: a picked or dropped file is
 * checked against Meta's limits at once (nothing is uploaded when it would be refused), then
 * waits with an optional caption for Send, showing the upload's progress.
 */
export function AttachmentPicker({ disabled, onSend }: { disabled: boolean; onSend: SendAttachment }) {
  const [file, setFile] = useState<File | undefined>();
  const [caption, setCaption] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [progress, setProgress] = useState<number | undefined>();
  const [dragging, setDragging] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);

  function choose(picked: File | undefined) {
    if (!picked || progress !== undefined) return;
    const why = attachmentProblem(picked);
    setProblem(why);
    setFile(why ? undefined : picked);
  }

  // The whole conversation takes drops, so the agent need not aim at the button.
  useEffect(() => {
    const zone = anchor.current?.closest('.conversation');
    if (!zone || disabled) return;
    const stop = new AbortController();
    const over = (event: Event) => {
      const drag = event as DragEvent;
      if (!drag.dataTransfer?.types.includes('Files')) return;
      drag.preventDefault();
      setDragging(event.type !== 'dragleave' || zone.contains(drag.relatedTarget as Node | null));
    };
    for (const type of ['dragenter', 'dragover', 'dragleave']) zone.addEventListener(type, over, stop);
    zone.addEventListener(
      'drop',
      (event) => {
        const drop = event as DragEvent;
        drop.preventDefault();
        setDragging(false);
        choose(drop.dataTransfer?.files[0]);
      },
      stop,
    );
    return () => stop.abort();
  }, [disabled, progress]);

  async function send() {
    if (!file) return;
    setProgress(0);
    const refused = await onSend(file, caption, setProgress);
    setProgress(undefined);
    setProblem(refused);
    if (!refused) {
      setFile(undefined);
      setCaption('');
    }
  }

  const kind = file && attachmentType(file).split('/')[0];
  const captioned = file && !['audio', 'image/webp'].some((type) => attachmentType(file).startsWith(type));
  return (
    <div class={`attachments ${dragging ? 'dragging' : ''}`} ref={anchor} data-testid="attachments">
      {dragging && <p class="drop-hint">{t('attachDrop')}</p>}
      {file && (
        <div class="attachment-draft" data-testid="attachment-draft" data-kind={kind}>
          <span class="file-name">{file.name}</span>
          {captioned ? (
            <input
              type="text"
              dir="auto"
              maxLength={1024}
              value={caption}
              placeholder={t('attachCaption')}
              disabled={progress !== undefined}
              onInput={(event) => setCaption(event.currentTarget.value)}
              data-testid="attachment-caption"
            />
          ) : (
            <span class="hint">{t('attachNoCaption')}</span>
          )}
          {progress !== undefined ? (
            <progress
              max={100}
              value={progress}
              data-testid="attachment-progress"
              aria-label={t('attachUploading', { percent: String(progress) })}
            />
          ) : (
            <>
              <button type="button" class="primary" onClick={send} disabled={disabled} data-testid="attachment-send">
                {t('attachSend')}
              </button>
              <button type="button" onClick={() => setFile(undefined)} data-testid="attachment-cancel">
                {t('cancel')}
              </button>
            </>
          )}
        </div>
      )}
      {problem && (
        <p class="form-error" role="alert" data-testid="attachment-problem">
          {problem}
        </p>
      )}
      <button
        type="button"
        class="link attach"
        disabled={disabled}
        title={t('attach')}
        onClick={() => input.current?.click()}
        data-testid="attach-file"
      >
        + {t('attach')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        accept={MEDIA_ACCEPT}
        data-testid="attach-input"
        onChange={(event) => {
          choose(event.currentTarget.files?.[0]);
          event.currentTarget.value = '';
        }}
      />
    </div>
  );
}
