import type { MessageView } from '../../shared/api/schemas.ts';
import { reasonOfCode } from '../../shared/errors/error-reasons.ts';
import type { MessageKey } from './i18n.ts';

/**
 * Why a reply did not reach the customer, for its bubble: the reason in the agent's words and
 * Meta's code with WhatsApp's own text as the detail. Undefined for a message that did not fail.
 */
export function failureOf(
  message: Pick<MessageView, 'status' | 'errorCode' | 'error' | 'uncertain'>,
): { reason: MessageKey; code?: number; detail?: string } | undefined {
  if (message.status !== 'failed') return undefined;
  if (message.uncertain) return { reason: 'failUnreachable' };
  const code = message.errorCode;
  const reason = code === undefined ? 'failFailed' : reasonOfCode(code);
  return {
    reason,
    ...(code !== undefined ? { code } : {}),
    ...(message.error ? { detail: message.error } : {}),
  };
}

/** Whether "Send a template instead" helps: the 24-hour window was closed when WhatsApp tried. */
export const needsTemplate = (message: Pick<MessageView, 'errorCode'>) =>
  message.errorCode === 131047 || message.errorCode === 470;
