import { describe, expect, it } from 'vitest';
import { corpus, regions } from '../../bench/masking-corpus.ts';
import { maskSensitive } from './mask.ts';

// The benchmark's labelled corpus (`npm run bench` reports the same figures): every sensitive
// value hidden, every look-alike kept, whatever the customer's and the channel's countries.
describe('the masking benchmark corpus', () => {
  it.each([[regions], [[]], [['IN', 'BR']]])(
    'hides every sensitive value and keeps every look-alike (regions %j)',
    (list) => {
      for (const message of corpus) {
        const masked = maskSensitive(message.text, { regions: list });
        for (const value of message.sensitive) expect(masked, message.text).not.toContain(value);
        for (const value of message.keep) expect(masked, message.text).toContain(value);
      }
    },
  );
});
