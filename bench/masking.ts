import { performance } from 'node:perf_hooks';
import { OpenRedaction } from '@openredaction/openredaction';
import { SyncRedactor } from 'redact-pii';
import { maskSensitive } from '../shared/masking/index.ts';
import { corpus, regions } from './masking-corpus.ts';

export interface MaskerResult {
  name: string;
  /** Share of labelled sensitive values no longer readable in the output. */
  recall: number;
  /** Share of labelled look-alikes (dates, order numbers…) left intact. */
  kept: number;
  microsecondsPerMessage: number;
  megabytesPerSecond: number;
}

type Redact = (text: string) => string;

function digitsAndLetters(value: string): string {
  return value.replace(/[^\p{L}\p{N}]/gu, '');
}

function accuracy(redact: Redact): { recall: number; kept: number } {
  let hidden = 0;
  let sensitive = 0;
  let intact = 0;
  let lookAlikes = 0;
  for (const message of corpus) {
    const output = redact(message.text);
    const compactOutput = digitsAndLetters(output);
    for (const value of message.sensitive) {
      sensitive++;
      if (!output.includes(value) && !compactOutput.includes(digitsAndLetters(value))) hidden++;
    }
    for (const value of message.keep) {
      lookAlikes++;
      if (output.includes(value)) intact++;
    }
  }
  return { recall: hidden / sensitive, kept: intact / lookAlikes };
}

function speed(redact: Redact): { microsecondsPerMessage: number; megabytesPerSecond: number } {
  const texts = corpus.map((m) => m.text);
  const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  for (let i = 0; i < 20; i++) for (const text of texts) redact(text); // warm-up
  let rounds = 0;
  const start = performance.now();
  // Bounded in time and count: at most ~1.5 s or 2,000 rounds per library.
  while (performance.now() - start < 1_500 && rounds < 2_000) {
    for (const text of texts) redact(text);
    rounds++;
  }
  const elapsedMs = performance.now() - start;
  return {
    microsecondsPerMessage: (elapsedMs * 1_000) / (rounds * texts.length),
    megabytesPerSecond: (bytes * rounds) / 1e6 / (elapsedMs / 1_000),
  };
}

export function benchMasking(): MaskerResult[] {
  const openRedaction = new OpenRedaction();
  const redactPii = new SyncRedactor();
  const maskers: [string, Redact][] = [
    ['Loro shared/masking', (text) => maskSensitive(text, { regions })],
    ['redact-pii 3.4.0', (text) => redactPii.redact(text)],
    [
      '@openredaction/openredaction 1.0.4',
      (text) => {
        const result = openRedaction.detect(text) as { redacted: string } | Promise<unknown>;
        if (result instanceof Promise) throw new Error('openredaction answered asynchronously');
        return result.redacted;
      },
    ],
  ];
  return maskers.map(([name, redact]) => ({ name, ...accuracy(redact), ...speed(redact) }));
}
