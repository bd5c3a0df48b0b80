// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { PlatformError } from './api-client.ts';
import { uploadAttachment } from './upload-attachment.ts';

/** Just enough of XMLHttpRequest to see what is sent and answer it. */
class FakeXhr {
  opened: [string, string] | undefined;
  headers: Record<string, string> = {};
  body: FormData | undefined;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = {
    onprogress: null,
  };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) {
    this.opened = [method, url];
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  answer(status: number, json: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(json);
    this.onload?.();
  }
}

const session = { platformUrl: 'http://127.0.0.1:8787/', token: 'tok' };
const file = new File(['%PDF'], 'factura.pdf', { type: 'application/pdf' });

describe('uploadAttachment', () => {
  it('posts the file and caption with the token, reports progress and resolves with the sent message', async () => {
    const xhr = new FakeXhr();
    const progress: number[] = [];
    const sent = uploadAttachment(session, 'conv 1', file, 'La factura', (p) => progress.push(p), xhr as never);
    expect(xhr.opened).toEqual(['POST', 'http://127.0.0.1:8787/api/conversations/conv%201/media']);
    expect(xhr.headers.authorization).toBe('Bearer tok');
    expect((xhr.body?.get('file') as File | undefined)?.name).toBe('factura.pdf');
    expect(xhr.body?.get('caption')).toBe('La factura');
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 50, total: 200 });
    const message = {
      id: 'out_1',
      conversationId: 'conv 1',
      direction: 'outbound',
      text: 'La factura',
      timestamp: 1,
      seq: 2,
    };
    xhr.answer(201, message);
    expect(await sent).toMatchObject(message);
    expect(progress).toEqual([25]);
  });

  it('rejects with the platform’s refusal, and says when the platform cannot be reached', async () => {
    const refused = new FakeXhr();
    const first = uploadAttachment(session, 'c', file, '', () => undefined, refused as never);
    expect(refused.body?.has('caption')).toBe(false);
    refused.answer(413, { error: { code: 'file_too_large', message: 'file: too large' } });
    await expect(first).rejects.toMatchObject({ status: 413, code: 'file_too_large', message: 'file: too large' });
    const offline = new FakeXhr();
    const second = uploadAttachment(session, 'c', file, '', () => undefined, offline as never);
    offline.onerror?.();
    await expect(second).rejects.toBeInstanceOf(PlatformError);
  });
});
