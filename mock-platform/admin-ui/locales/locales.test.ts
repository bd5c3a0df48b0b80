import { describe, expect, it } from 'vitest';
import { placeholderMismatches } from '../../../shared/i18n/translator.ts';
import { en } from './en.ts';
import { es } from './es.ts';

// Same keys in both is the compiler's job (es.ts `satisfies Translation<typeof en>`); `t()`'s key
// type makes every key the UI uses exist. What the compiler cannot see is checked here.
describe('admin UI dictionaries', () => {
  it('give every Spanish text the same {placeholders} as its English one', () => {
    expect(placeholderMismatches(en, es)).toEqual([]);
  });

  it('leave no Spanish text empty where the English one has words', () => {
    const untranslated = Object.keys(en).filter(
      (key) => en[key as keyof typeof en] !== '' && es[key as keyof typeof es] === '',
    );
    expect(untranslated).toEqual([]);
  });
});
