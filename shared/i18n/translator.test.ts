import { describe, expect, it } from 'vitest';
import { createTranslator, fill, placeholderMismatches, placeholdersIn, type Translation } from './translator.ts';

const en = { saved: '{name} saved.', pages: 'Page {n} of {total}', plain: 'Hello' } as const;
const es = { saved: '{name} guardado.', pages: 'Página {n} de {total}', plain: 'Hola' } satisfies Translation<
  typeof en
>;

describe('createTranslator', () => {
  it('speaks the language current() names at each call, filling placeholders', () => {
    let language: 'en' | 'es' = 'en';
    const t = createTranslator({ en, es }, () => language);
    expect(t('saved', { name: 'Ventas' })).toBe('Ventas saved.');
    language = 'es';
    expect(t('pages', { n: '2', total: '5' })).toBe('Página 2 de 5');
    expect(t('plain')).toBe('Hola');
  });

  it('shows a key the compiler could not see (run-time data) as itself', () => {
    const t = createTranslator({ en, es }, () => 'es');
    expect(t('status_new' as 'plain')).toBe('status_new');
  });

  it('types keys and placeholder names from the English dictionary', () => {
    const t = createTranslator({ en, es }, () => 'en');
    // @ts-expect-error: not a key of the English dictionary
    t('savedd');
    // @ts-expect-error: the placeholder is {name}, not {title}
    t('saved', { title: 'x' });
    // @ts-expect-error: {total} is missing
    t('pages', { n: '1' });
    expect(t('saved', { name: 'a' })).toBe('a saved.');
  });

  it('refuses, at compile time, a translation with a missing or an extra key', () => {
    // @ts-expect-error: `plain` is missing
    const missing: Translation<typeof en> = { saved: '', pages: '' };
    // @ts-expect-error: `extra` is not an English key
    const extra: Translation<typeof en> = { saved: '', pages: '', plain: '', extra: '' };
    expect([missing, extra]).toHaveLength(2);
  });
});

describe('placeholders', () => {
  it.each([
    ['{name} saved.', ['name']],
    ['{b} then {a} then {b}', ['a', 'b']],
    ['No placeholders', []],
    ['Variables are written {{like.this}}', []],
  ])('%s has %j', (text, names) => {
    expect(placeholdersIn(text)).toEqual(names);
  });

  it('fills the names it has values for and leaves the others as written', () => {
    expect(fill('{a} and {b}', { a: '1' })).toBe('1 and {b}');
  });

  it('finds translations whose placeholders differ from the source', () => {
    expect(
      placeholderMismatches(
        { a: '{name} saved', b: 'Page {n}', c: 'plain' },
        { a: '{nombre} guardado', b: 'Página {n}', c: 'sin {x}' },
      ),
    ).toEqual(['a', 'c']);
  });
});
