import { z } from 'zod';

/** A template's review status on WhatsApp. */
export const templateStatusSchema = z.enum(['PENDING', 'APPROVED', 'REJECTED', 'PAUSED', 'DISABLED']);
export type TemplateStatus = z.infer<typeof templateStatusSchema>;

/** What WhatsApp's review decides: a status other than PENDING (an edit is what sends a template back). */
export const reviewDecisionSchema = z.enum(['APPROVED', 'REJECTED', 'PAUSED', 'DISABLED']);
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** Meta's `rejected_reason` values: a rejection always says one. */
export const rejectionReasonSchema = z.enum([
  'ABUSIVE_CONTENT',
  'CATEGORY_NOT_AVAILABLE',
  'INCORRECT_CATEGORY',
  'INVALID_FORMAT',
  'PROMOTIONAL',
  'SCAM',
  'TAG_CONTENT_MISMATCH',
]);
export type RejectionReason = z.infer<typeof rejectionReasonSchema>;

/**
 * Where WhatsApp's review may take a template from each status: a pending one is approved or
 * rejected; an approved one is paused (its quality fell) or disabled; a paused one is approved
 * again (unpaused) or disabled. Rejected and disabled templates are not reviewed again: the
 * business edits a rejected one (it is PENDING again) and a disabled one stays disabled.
 */
export const REVIEW_TRANSITIONS: Record<TemplateStatus, readonly ReviewDecision[]> = {
  PENDING: ['APPROVED', 'REJECTED'],
  APPROVED: ['PAUSED', 'DISABLED'],
  PAUSED: ['APPROVED', 'DISABLED'],
  REJECTED: [],
  DISABLED: [],
};

/** Why `decision` cannot follow `from`, in words naming the rule; undefined when it can. */
export function reviewProblem(from: TemplateStatus, decision: ReviewDecision): string | undefined {
  const allowed = REVIEW_TRANSITIONS[from];
  if (allowed.includes(decision)) return undefined;
  if (allowed.length === 0) {
    return from === 'REJECTED'
      ? 'a REJECTED template is not reviewed again: the business edits it, which sends it back to review'
      : 'a DISABLED template stays disabled';
  }
  const article = /^[AEIOU]/.test(from) ? 'an' : 'a';
  return `${article} ${from} template can become ${allowed.join(' or ')}, not ${decision}`;
}
