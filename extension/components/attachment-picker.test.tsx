// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AttachmentPicker, type SendAttachment } from './attachment-picker.tsx';

afterEach(cleanup);

const MB = 1024 * 1024;
function fileOf(name: string, type: string, size: number): File {
  const file = new File(['x'], name, { type });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}
function pick(file: File) {
  const input = screen.getByTestId('attach-input') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('AttachmentPicker (the composer’s attach button and drop zone)', () => {
  it.each([
    [
      'an image above 5 MB',
      fileOf('plano.png', 'image/png', 6 * MB),
      'plano.png is 6 MB: WhatsApp takes files of this type up to 5 MB.',
    ],
    [
      'a sticker above 500 KB',
      fileOf('s.webp', 'image/webp', 600 * 1024),
      's.webp is 600 KB: WhatsApp takes files of this type up to 500 KB.',
    ],
    ['a type WhatsApp does not take', fileOf('page.html', 'text/html', 10), 'WhatsApp does not take text/html files'],
    ['an empty file', fileOf('vacio.pdf', 'application/pdf', 0), 'vacio.pdf is empty.'],
  ])('refuses %s before uploading anything, saying why', (_, file, message) => {
    const onSend = vi.fn<SendAttachment>();
    render(<AttachmentPicker disabled={false} onSend={onSend} />);
    pick(file);
    expect(screen.getByTestId('attachment-problem').textContent).toContain(message);
    expect(screen.queryByTestId('attachment-draft')).toBeNull();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('sends a picked file with its caption, showing the upload’s progress, then clears', async () => {
    let finish: (refusal: string | undefined) => void = () => undefined;
    let report: (percent: number) => void = () => undefined;
    const onSend = vi.fn<SendAttachment>(
      (_file, _caption, onProgress) =>
        new Promise((resolve) => {
          report = onProgress;
          finish = resolve;
        }),
    );
    render(<AttachmentPicker disabled={false} onSend={onSend} />);
    const photo = fileOf('plano.png', 'image/png', 200_000);
    pick(photo);
    expect(screen.getByTestId('attachment-draft').textContent).toContain('plano.png');
    fireEvent.input(screen.getByTestId('attachment-caption'), { target: { value: 'Aquí está' } });
    fireEvent.click(screen.getByTestId('attachment-send'));
    expect(onSend).toHaveBeenCalledWith(photo, 'Aquí está', expect.any(Function));
    await act(() => report(40));
    const progress = screen.getByTestId('attachment-progress') as HTMLProgressElement;
    expect(progress.getAttribute('value')).toBe('40');
    expect(progress.getAttribute('aria-label')).toBe('Uploading… 40%');
    await act(async () => finish(undefined));
    expect(screen.queryByTestId('attachment-draft')).toBeNull();
    expect(screen.queryByTestId('attachment-problem')).toBeNull();
  });

  it('keeps the file and shows the platform’s refusal when the send fails', async () => {
    const onSend = vi.fn<SendAttachment>(async () => 'WhatsApp refused the file (131053): Media upload error');
    render(<AttachmentPicker disabled={false} onSend={onSend} />);
    pick(fileOf('factura.pdf', 'application/pdf', 1000));
    await act(async () => {
      fireEvent.click(screen.getByTestId('attachment-send'));
    });
    expect(screen.getByTestId('attachment-problem').textContent).toContain('131053');
    expect(screen.getByTestId('attachment-draft')).toBeTruthy();
  });

  it('sends audio without a caption field, and takes a file dropped anywhere on the conversation', () => {
    const onSend = vi.fn<SendAttachment>();
    render(
      <section class="conversation" data-testid="zone">
        <AttachmentPicker disabled={false} onSend={onSend} />
      </section>,
    );
    const zone = screen.getByTestId('zone');
    const dataTransfer = { types: ['Files'], files: [fileOf('nota.ogg', 'audio/ogg', 5000)] };
    const drag = (type: string) =>
      act(() => {
        const event = new Event(type, { bubbles: true, cancelable: true });
        Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
        zone.dispatchEvent(event);
      });
    drag('dragenter');
    expect(screen.getByTestId('attachments').className).toContain('dragging');
    drag('drop');
    expect(screen.getByTestId('attachment-draft').dataset.kind).toBe('audio');
    expect(screen.queryByTestId('attachment-caption')).toBeNull();
  });

  it('offers exactly Meta’s types in the picker, and nothing while sending is not allowed', () => {
    render(<AttachmentPicker disabled={true} onSend={vi.fn<SendAttachment>()} />);
    expect((screen.getByTestId('attach-input') as HTMLInputElement).accept).toContain('application/pdf');
    expect((screen.getByTestId('attach-file') as HTMLButtonElement).disabled).toBe(true);
  });
});
