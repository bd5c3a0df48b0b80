import { describe, expect, it } from 'vitest';
import { checkMedia, formatMediaSize, MEDIA_ACCEPT } from './media-limits.ts';

const MB = 1024 * 1024;

describe('checkMedia (Meta’s supported media types and sizes)', () => {
  it('accepts each kind up to its own limit', () => {
    expect(checkMedia({ type: 'image/jpeg', size: 5 * MB })).toMatchObject({ ok: true, kind: 'image' });
    expect(checkMedia({ type: 'audio/ogg; codecs=opus', size: 16 * MB })).toMatchObject({ ok: true, kind: 'audio' });
    expect(checkMedia({ type: 'video/mp4', size: 1 })).toMatchObject({ ok: true, kind: 'video' });
    expect(checkMedia({ type: 'application/pdf', size: 100 * MB })).toMatchObject({ ok: true, kind: 'document' });
    expect(checkMedia({ type: 'image/webp', size: 500 * 1024 })).toMatchObject({ ok: true, kind: 'sticker' });
  });

  it('names the size rule one byte over the limit', () => {
    expect(checkMedia({ type: 'image/png', size: 5 * MB + 1 })).toEqual({
      ok: false,
      rule: 'size',
      type: 'image/png',
      maxBytes: 5 * MB,
    });
    expect(checkMedia({ type: 'video/3gpp', size: 16 * MB + 1 })).toMatchObject({ rule: 'size', maxBytes: 16 * MB });
  });

  it('names the type rule for unsupported or missing types, and refuses empty files', () => {
    expect(checkMedia({ type: 'image/gif', size: 10 })).toEqual({ ok: false, rule: 'type', type: 'image/gif' });
    expect(checkMedia({ type: '', size: 10 })).toEqual({ ok: false, rule: 'type', type: '' });
    expect(checkMedia({ type: 'text/plain', size: 0 })).toEqual({ ok: false, rule: 'empty' });
  });

  it('offers the picker exactly the accepted types and prints sizes for people', () => {
    expect(MEDIA_ACCEPT.split(',')).toContain('application/pdf');
    expect(MEDIA_ACCEPT).not.toContain('image/gif');
    expect(formatMediaSize(500 * 1024)).toBe('500 KB');
    expect(formatMediaSize(16 * MB)).toBe('16 MB');
  });
});
