import { apiErrorSchema, type MessageView, messageViewSchema } from '../../shared/api/schemas.ts';
import { PlatformError } from './api-client.ts';
import { attachmentType } from './attachment-check.ts';

/**
 * Sends a file to the conversation (`POST /api/conversations/{id}/media`, multipart) with
 * XMLHttpRequest, the one browser API that reports upload progress: `onProgress` gets 0–100.
 */
export function uploadAttachment(
  { platformUrl, token }: { platformUrl: string; token: string },
  conversationId: string,
  file: File,
  caption: string,
  onProgress: (percent: number) => void,
  xhr: XMLHttpRequest = new XMLHttpRequest(),
): Promise<MessageView> {
  const form = new FormData();
  form.set('file', new File([file], file.name, { type: attachmentType(file) }));
  if (caption.trim()) form.set('caption', caption);
  return new Promise((resolve, reject) => {
    xhr.open(
      'POST',
      `${platformUrl.replace(/\/+$/, '')}/api/conversations/${encodeURIComponent(conversationId)}/media`,
    );
    xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new PlatformError(0, 'unreachable', `The platform at ${platformUrl} cannot be reached`));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = undefined;
      }
      const sent = messageViewSchema.safeParse(json);
      if (xhr.status < 300 && sent.success) return resolve(sent.data);
      const refused = apiErrorSchema.safeParse(json).data?.error;
      reject(
        new PlatformError(
          xhr.status,
          refused?.code ?? 'http_error',
          refused?.message ?? `The platform answered HTTP ${xhr.status}`,
        ),
      );
    };
    xhr.send(form);
  });
}
