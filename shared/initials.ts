/** Initials for a customer's bubble: "María García" → "MG"; a name without letters → "#". */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/\s+/u)
    .filter((word) => /\p{L}/u.test(word));
  const letters = words.map((word) => Array.from(word.replace(/^[^\p{L}]+/u, ''))[0] ?? '');
  const first = letters[0] ?? '';
  const last = letters.length > 1 ? (letters[letters.length - 1] ?? '') : '';
  const result = (first + last).toLocaleUpperCase();
  return result === '' ? '#' : result;
}
