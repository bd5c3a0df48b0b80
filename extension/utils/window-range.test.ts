import { describe, expect, it } from 'vitest';
import { windowRange } from './window-range.ts';

describe('windowRange', () => {
  it.each([
    ['the top of a long list', 500, 0, 200, { start: 0, end: 9, top: 0, bottom: 491 * 50 }],
    ['scrolled into the middle', 500, 5_000, 200, { start: 96, end: 109, top: 96 * 50, bottom: 391 * 50 }],
    ['the end', 500, 24_800, 200, { start: 492, end: 500, top: 492 * 50, bottom: 0 }],
    ['a list shorter than the viewport', 3, 0, 200, { start: 0, end: 3, top: 0, bottom: 0 }],
  ])('%s', (_label, count, scrollTop, height, expected) => {
    expect(windowRange(count, 50, scrollTop, height)).toEqual(expected);
  });
});
