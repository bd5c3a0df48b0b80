import { describe, expect, it } from 'vitest';
import { translator } from './i18n.ts';

describe('translator', () => {
  it('speaks Spanish to Spanish browsers and English otherwise, filling placeholders', () => {
    expect(translator('es-MX')('accept')).toBe('Aceptar');
    expect(translator('en-GB')('accept')).toBe('Accept');
    expect(translator('fr')('typeReply', { name: 'María' })).toBe('Reply to María');
  });
});
