import { describe, expect, it } from 'vitest';
import { formatElapsed, formatRemaining } from './format.ts';

describe('formatElapsed', () => {
  it.each([
    [0, '00:00'],
    [-5_000, '00:00'],
    [65_432, '01:05'],
    [3_725_000, '1:02:05'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatElapsed(ms)).toBe(text);
  });
});

describe('formatRemaining', () => {
  it.each([
    [24 * 3_600_000, '24h 00m'],
    [90 * 60_000 + 1, '1h 31m'],
    [30_000, '1m'],
    [61.5 * 3_600_000, '2d 13h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
