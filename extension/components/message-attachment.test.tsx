// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessageView } from '../../shared/api/schemas.ts';
import { MessageAttachment } from './message-attachment.tsx';
import { MessageBubble } from './message-bubble.tsx';

afterEach(cleanup);
beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:media');
  URL.revokeObjectURL = vi.fn();
});

const base: MessageView = { id: 'm1', conversationId: 'c1', direction: 'inbound', text: '', timestamp: 0, seq: 1 };
const flush = () => act(async () => undefined);

describe('MessageAttachment (customers’ and agents’ media in the transcript)', () => {
  it('shows a photo loaded through the platform, larger on click', async () => {
    const load = vi.fn(async () => new Blob(['png']));
    render(<MessageAttachment message={{ ...base, media: { id: '111', kind: 'image' } }} load={load} />);
    await flush();
    expect(load).toHaveBeenCalledWith('111');
    fireEvent.click(screen.getByTestId('message-image'));
    expect(screen.getByTestId('image-lightbox')).toBeTruthy();
    fireEvent.click(screen.getByTestId('image-lightbox'));
    expect(screen.queryByTestId('image-lightbox')).toBeNull();
  });

  it('shows a sticker as an image, and a photo stored before kinds as an image', async () => {
    const load = vi.fn(async () => new Blob(['webp']));
    render(<MessageAttachment message={{ ...base, media: { id: '222', kind: 'sticker' } }} load={load} />);
    render(<MessageAttachment message={{ ...base, media: { id: '333' } }} load={load} />);
    await flush();
    expect(screen.getByTestId('message-sticker')).toBeTruthy();
    expect(screen.getByTestId('message-image')).toBeTruthy();
  });

  it.each([
    ['a voice note', { kind: 'audio', voice: true } as const, 'Voice message', 'message-audio'],
    ['a video', { kind: 'video' } as const, 'Video', 'message-video'],
  ])('plays %s once asked (loaded on Play only)', async (_, media, label, player) => {
    const load = vi.fn(async () => new Blob(['bytes']));
    render(<MessageAttachment message={{ ...base, media: { id: '444', ...media } }} load={load} />);
    expect(screen.getByTestId('play-media').textContent).toContain(label);
    expect(load).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('play-media'));
    await flush();
    expect(screen.getByTestId(player).getAttribute('src')).toBe('blob:media');
  });

  it('shows a document’s (masked) name and downloads it under that name', async () => {
    const load = vi.fn(async () => new Blob(['%PDF']));
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    render(
      <MessageAttachment
        message={{ ...base, media: { id: '555', kind: 'document', filename: 'dni *****5678.pdf' } }}
        load={load}
      />,
    );
    expect(screen.getByTestId('message-document').textContent).toContain('dni *****5678.pdf');
    fireEvent.click(screen.getByTestId('download-document'));
    await flush();
    expect(clicked).toEqual(['dni *****5678.pdf']);
  });

  it('links a place to a map and lists a contact card’s numbers as the platform sent them', () => {
    render(
      <MessageAttachment
        message={{ ...base, location: { latitude: 40.4168, longitude: -3.7038, name: 'Oficina' } }}
        load={undefined}
      />,
    );
    expect(screen.getByTestId('message-location').getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=40.4168&mlon=-3.7038#map=16/40.4168/-3.7038',
    );
    render(
      <MessageAttachment
        message={{ ...base, contacts: [{ name: 'Pedro', phones: ['********1222'] }] }}
        load={undefined}
      />,
    );
    expect(screen.getByTestId('message-contacts').textContent).toContain('********1222');
  });

  it('says so when WhatsApp no longer has the file', async () => {
    render(
      <MessageAttachment
        message={{ ...base, media: { id: '666', kind: 'audio' } }}
        load={async () => Promise.reject(new Error('gone'))}
      />,
    );
    fireEvent.click(screen.getByTestId('play-media'));
    expect(await screen.findByText('The file is no longer available.')).toBeTruthy();
  });

  it('shows the customer’s reaction on the message it reacts to', () => {
    render(<MessageBubble message={{ ...base, text: 'Hola' }} customerInitials="MG" reaction="👍" />);
    expect(screen.getByTestId('message-reaction').textContent).toBe('👍');
  });
});
