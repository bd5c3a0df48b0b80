import { describe, expect, it } from 'vitest';
import { initials } from './initials.ts';

describe('initials', () => {
  it.each([
    ['María García', 'MG'],
    ['ana', 'A'],
    ['  Jean-Luc  de la Tour ', 'JT'],
    ['Ólafur Ragnar Grímsson', 'ÓG'],
    ['+34 612 345 678', '#'],
    ['', '#'],
  ])('%j → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
