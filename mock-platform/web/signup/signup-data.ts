/** The id of the element servePage puts page data in (`src/http/web-page.ts`, PAGE_DATA_ID). */
const PAGE_DATA_ID = 'page-data';

/** What the server puts in the page: Meta's business category codes, from its one list (VERTICALS). */
export interface SignupData {
  categories: string[];
}

/** The page's data; a page without it (or with a malformed one) offers no categories rather than breaking. */
export function readSignupData(document: Document): SignupData {
  try {
    const data: unknown = JSON.parse(document.getElementById(PAGE_DATA_ID)?.textContent ?? '');
    const categories = (data as { categories?: unknown }).categories;
    if (Array.isArray(categories) && categories.every((code) => typeof code === 'string')) return { categories };
  } catch {
    // No data, or not JSON: the same as no categories.
  }
  return { categories: [] };
}
