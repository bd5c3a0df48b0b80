import { describe, expect, it } from 'vitest';
import { formatDue, formatElapsed, formatRemaining, formatTime } from './format.ts';

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

describe('dates and times follow the panel language', () => {
  it('formats in Spanish and in English', () => {
    const monday10 = new Date(2026, 10, 23, 10, 0).getTime();
    expect(formatTime(monday10, 'es-ES')).toBe('10:00');
    expect(formatDue(monday10, 'es-ES')).toBe('lun, 10:00');
    expect(formatDue(monday10, 'en-US')).toBe('Mon 10:00 AM');
  });
});
