import { describe, expect, it } from 'vitest';
import { placeholderMismatches } from '../../../../shared/i18n/translator.ts';
import { VERTICALS } from '../../../src/simulator/business-profile.ts';
import { en } from './en.ts';
import { es } from './es.ts';

describe('signup dictionaries', () => {
  it('give every Spanish text the same {placeholders} as its English one', () => {
    expect(placeholderMismatches(en, es)).toEqual([]);
  });

  it.each([
    ['en', en],
    ['es', es],
  ] as const)('name every category Meta knows (but UNDEFINED) in %s', (_, words) => {
    const named = Object.keys(words).filter((key) => key.startsWith('category.'));
    expect(named.sort()).toEqual(
      VERTICALS.filter((v) => v !== 'UNDEFINED')
        .map((v) => `category.${v}`)
        .sort(),
    );
  });
});
