import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast.ts';

describe('contrast ratio (WCAG 2)', () => {
  it.each([
    ['#000', '#fff', 21],
    ['#ffffff', '#ffffff', 1],
    ['rgb(0, 0, 0)', '#fff', 21],
    ['#767676', '#ffffff', 4.54],
  ])('%s on %s is %d:1', (a, b, expected) => expect(contrastRatio(a, b)).toBeCloseTo(expected, 2));

  it('names what is not a color', () => expect(() => contrastRatio('blue', '#fff')).toThrow('Not a color: blue'));
});
