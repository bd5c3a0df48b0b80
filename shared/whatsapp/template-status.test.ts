import { describe, expect, it } from 'vitest';
import { REVIEW_TRANSITIONS, reviewDecisionSchema, reviewProblem, templateStatusSchema } from './template-status.ts';

describe('template review follows Meta’s transitions', () => {
  it.each([
    ['PENDING', 'APPROVED'],
    ['PENDING', 'REJECTED'],
    ['APPROVED', 'PAUSED'],
    ['APPROVED', 'DISABLED'],
    ['PAUSED', 'APPROVED'],
    ['PAUSED', 'DISABLED'],
  ] as const)('%s → %s is allowed', (from, to) => {
    expect(reviewProblem(from, to)).toBeUndefined();
  });

  it.each([
    ['PENDING', 'PAUSED', 'a PENDING template can become APPROVED or REJECTED, not PAUSED'],
    ['APPROVED', 'REJECTED', 'an APPROVED template can become PAUSED or DISABLED, not REJECTED'],
    [
      'REJECTED',
      'APPROVED',
      'a REJECTED template is not reviewed again: the business edits it, which sends it back to review',
    ],
    ['DISABLED', 'APPROVED', 'a DISABLED template stays disabled'],
  ] as const)('%s → %s is refused, saying the rule', (from, to, why) => {
    expect(reviewProblem(from, to)).toBe(why);
  });

  it('knows every status and decision', () => {
    expect(Object.keys(REVIEW_TRANSITIONS).sort()).toEqual([...templateStatusSchema.options].sort());
    for (const decisions of Object.values(REVIEW_TRANSITIONS)) {
      for (const decision of decisions) expect(reviewDecisionSchema.options).toContain(decision);
    }
  });
});
