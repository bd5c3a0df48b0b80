/**
 * The agent-console pages the in-page overlay runs on (issue 6): match patterns the agent chooses
 * in the options page. The platform's demo console (on loopback) is always included.
 * Pure helpers here; `console-registration.ts` applies them with `chrome.scripting`.
 */

export const DEFAULT_CONSOLE_PATTERNS = ['http://127.0.0.1/demo/*', 'http://localhost/demo/*'] as const;

// Chrome match patterns: scheme://host/path, host `*`, `*.example.com` or exact; path any. A
// hand-made check rather than WXT's `MatchPattern`: that one refuses a port ("Hostname cannot
// include a port"), while Chrome accepts `http://crm.local:8080/*` and consoles on a port are common.
const MATCH_PATTERN = /^(https?|\*):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:\d+)?\/.*$/;

export type PatternCheck = { ok: true; patterns: string[] } | { ok: false; line: number; pattern: string };

/** One pattern per line; blank lines ignored; the first invalid one is named with its line. */
export function parseConsolePatterns(text: string): PatternCheck {
  const patterns: string[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const pattern = raw.trim();
    if (!pattern) continue;
    if (!MATCH_PATTERN.test(pattern)) return { ok: false, line: index + 1, pattern };
    if (!patterns.includes(pattern)) patterns.push(pattern);
  }
  return { ok: true, patterns };
}

/** What the overlay is registered for: the defaults and the agent's patterns, without repeats. */
export function overlayMatches(patterns: readonly string[]): string[] {
  return [...new Set([...DEFAULT_CONSOLE_PATTERNS, ...patterns])];
}
