import { describe, expect, it } from 'vitest';
import { placeholderMismatches } from '../../../../shared/i18n/translator.ts';
import { en } from './en.ts';
import { es } from './es.ts';

describe('WhatsApp Manager dictionaries', () => {
  it('give every Spanish text the same {placeholders} as its English one', () => {
    expect(placeholderMismatches(en, es)).toEqual([]);
  });
});
