import { performance } from 'node:perf_hooks';
import { patternMatches } from '../shared/routing/pattern.ts';

export interface PatternResult {
  pattern: string;
  /** Milliseconds per evaluation on a 1,000- and a 10,000-character message. */
  shortMs: number;
  longMs: number;
}

/** Median milliseconds of `runs` evaluations of the pattern on a text of `length` characters. */
function median(pattern: string, length: number, runs: number): number {
  const text = `${'a'.repeat(length)}!`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    patternMatches(pattern, text);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(runs / 2)] ?? Number.NaN;
}

/**
 * Routing-script patterns on customer messages (issue: configuration that cannot hurt the
 * platform). Linear time means 10× the text costs about 10×, whatever the pattern; JavaScript's
 * backtracking engine doubles per character on `^(a+)+$` and never returns at these lengths.
 */
export function benchRoutingPatterns(): PatternResult[] {
  return ['factura|invoice', '^(a+)+$', '(x+x+)+y'].map((pattern) => {
    median(pattern, 1_000, 5); // compile and warm up
    return { pattern, shortMs: median(pattern, 1_000, 41), longMs: median(pattern, 10_000, 41) };
  });
}
