import { z } from 'zod';

/**
 * What the agent's composer gets of a canned response, and how it searches them: apart from the
 * administrators' schemas (canned-responses.ts) so the side panel carries only this.
 */

export const cannedLanguageSchema = z.enum(['en', 'es']);
export type CannedLanguage = z.infer<typeof cannedLanguageSchema>;

/** What the agent's composer gets: the text already filled for the conversation. */
export const cannedResponseViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortcut: z.string(),
  language: cannedLanguageSchema,
  text: z.string(),
});
export type CannedResponseView = z.infer<typeof cannedResponseViewSchema>;

/**
 * The responses matching what the agent typed after `/`: shortcut prefix first, then a shortcut,
 * name or text containing it (case and accents ignored); within each, her language first.
 */
export function searchCanned<T extends Pick<CannedResponseView, 'name' | 'shortcut' | 'text' | 'language'>>(
  responses: readonly T[],
  query: string,
  language: CannedLanguage,
): T[] {
  const fold = (value: string) =>
    value
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .toLowerCase();
  const q = fold(query.trim());
  const rank = (response: T) => {
    const shortcut = fold(response.shortcut);
    if (shortcut.startsWith(q)) return 0;
    if (shortcut.includes(q) || fold(response.name).includes(q)) return 1;
    if (fold(response.text).includes(q)) return 2;
    return undefined;
  };
  return responses
    .map((response) => ({ response, rank: rank(response) }))
    .filter((entry): entry is { response: T; rank: number } => entry.rank !== undefined)
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        Number(a.response.language !== language) - Number(b.response.language !== language) ||
        a.response.shortcut.localeCompare(b.response.shortcut),
    )
    .map((entry) => entry.response);
}
