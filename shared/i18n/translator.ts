/**
 * One typed `t()` for every web page Loro serves (the admin UI, the simulator's pages): the English
 * dictionary is the source, its keys are the type of `t()`'s key, and every other language is a
 * `Translation` of it with exactly the same keys (checked by the compiler) and the same
 * `{placeholders}` (checked by `placeholderMismatches` in each page's locale test).
 */

/** A page's text in one language: key → text with `{name}` placeholders. */
export type Dictionary = Readonly<Record<string, string>>;

/** Another language's dictionary for English `E`: E's keys, no more and no fewer (use with `satisfies`). */
export type Translation<E extends Dictionary> = { readonly [K in keyof E]: string };

/** The placeholder names in an English text known to the compiler: `'{name} saved.'` → `'name'`. */
export type Placeholders<Text> = Text extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

/**
 * The values `t(key, values)` fills in: when given, one for each placeholder (a misspelt name does
 * not compile); a text without placeholders takes none. Optional, since a few texts show braces
 * literally (`{{1}}`, a screen-pop URL's `{queue}`).
 */
export type Values<Text> = [Placeholders<Text>] extends [never]
  ? Readonly<Record<string, never>>
  : Readonly<Record<Placeholders<Text>, string>>;

const PLACEHOLDER = /\{(\w+)\}/g;

/** `text` with each `{name}` replaced by `values[name]`; a name without a value stays as written. */
export function fill(text: string, values: Readonly<Record<string, string>> = {}): string {
  return text.replace(PLACEHOLDER, (match, name: string) => values[name] ?? match);
}

/** The distinct placeholder names in `text`, sorted. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1] as string))].sort();
}

/**
 * The keys whose text in `translation` has other placeholders than in `source` (a translator who
 * renamed `{name}` or dropped `{count}` would show the raw braces or lose the value).
 */
export function placeholderMismatches(source: Dictionary, translation: Dictionary): string[] {
  return Object.keys(source).filter(
    (key) => placeholdersIn(source[key] ?? '').join() !== placeholdersIn(translation[key] ?? '').join(),
  );
}

/**
 * `t(key, values)` over `dictionaries`, in the language `current()` names at each call (so a page
 * that switches language needs no new function). `key` is a key of the English dictionary.
 */
export function createTranslator<E extends Dictionary, L extends string>(
  dictionaries: { readonly en: E } & { readonly [language in L]: Translation<E> },
  current: () => NoInfer<L>,
) {
  return <K extends keyof E & string>(key: K, values?: Values<E[K]>): string =>
    // A key can still come from run-time data the compiler could not see (a status a newer server
    // sends): it shows as itself rather than breaking the page.
    fill((dictionaries[current()] as Dictionary)[key] ?? dictionaries.en[key] ?? key, values);
}
