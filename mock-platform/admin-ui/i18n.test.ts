import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dictionaries } from './i18n.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') && entry.name !== 'i18n.ts'
        ? [join(dir, entry.name)]
        : [],
  );

describe('admin UI text', () => {
  it('has every key it uses, in English and Spanish, and no empty Spanish text where English has some', () => {
    const used = new Set<string>();
    for (const file of sources(new URL('.', import.meta.url).pathname)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\('([\w-]+)'/g)) used.add(match[1] as string);
      for (const match of text.matchAll(/(?:label|title): '(\w+)'/g)) used.add(match[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    const missing = [...used].filter((key) => !(key in dictionaries.en));
    expect(missing).toEqual([]);
    const untranslated = Object.entries(dictionaries.en)
      .filter(([key, text]) => text !== '' && (dictionaries.es as Record<string, string>)[key] === '')
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
