import { describe, expect, it } from 'vitest';
import { findPhoneCandidates } from './phone-candidates.ts';

describe('findPhoneCandidates (BY-2)', () => {
  it('finds international numbers as written, and nothing in dates, amounts or identifiers', () => {
    const text =
      'Call María at +34 612 345 678 or +1 (614) 555-1234. Order INV-2026-004512 of 2026-11-21, total +12.50.';
    expect(findPhoneCandidates(text).map((c) => c.text)).toEqual(['+34 612 345 678', '+1 (614) 555-1234']);
    const [first] = findPhoneCandidates(text);
    expect(text.slice(first?.start, first?.end)).toBe('+34 612 345 678');
    expect(findPhoneCandidates('ref X+34612345678')).toEqual([]);
  });
});
