import { describe, expect, it } from 'vitest';
import {
  formatDay,
  formatDue,
  formatElapsed,
  formatLate,
  formatMessageTime,
  formatRemaining,
  formatTime,
} from './format.ts';

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
    // Right after a message the window is a hair under 24 hours: never "24h 01m".
    [24 * 3_600_000 - 1, '23h 59m'],
    [90 * 60_000 + 1, '1h 30m'],
    [60_000, '1m'],
    [119_999, '1m'],
    // The last minute counts in seconds: 4 s left is not "due in 1m".
    [59_999, '59s'],
    [4_000, '4s'],
    [-1_000, '0s'],
    [61.5 * 3_600_000, '2d 13h'],
  ])('%i ms → %s (rounded down)', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});

describe('formatLate', () => {
  it.each([
    [72_000, '1m 12s'],
    [5_000, '5s'],
    [3_725_000, '1h 02m'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatLate(ms)).toBe(text);
  });
});

describe('transcript dates', () => {
  const now = new Date(2026, 11, 2, 9, 30).getTime();
  const names = { today: 'Today', yesterday: 'Yesterday' };
  it('names today and yesterday, and dates older days', () => {
    expect(formatDay(new Date(2026, 11, 2, 0, 5).getTime(), now, names, 'en-US')).toBe('Today');
    expect(formatDay(new Date(2026, 11, 1, 23, 59).getTime(), now, names, 'en-US')).toBe('Yesterday');
    expect(formatDay(new Date(2026, 10, 23, 10).getTime(), now, names, 'en-US')).toBe('Mon, Nov 23, 2026');
    expect(formatDay(new Date(2026, 10, 23, 10).getTime(), now, names, 'es-ES')).toBe('lun, 23 nov 2026');
  });

  it('gives a message from another day its date', () => {
    expect(formatMessageTime(new Date(2026, 11, 2, 8, 0).getTime(), now, 'es-ES')).toBe('08:00');
    expect(formatMessageTime(new Date(2026, 10, 23, 10, 0).getTime(), now, 'es-ES')).toBe('23 nov, 10:00');
    expect(formatMessageTime(new Date(2025, 10, 23, 10, 0).getTime(), now, 'en-US')).toBe('Nov 23, 2025, 10:00 AM');
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
