import type { MessageView } from '../../shared/api/schemas.ts';
import type { MessageKey } from './i18n.ts';

/** Meta's error codes the agent can do something about, in plain words. */
const reasons: Record<number, MessageKey> = {
  131047: 'failWindowClosed',
  470: 'failWindowClosed',
  131026: 'failUndeliverable',
  131056: 'failPairRate',
  130429: 'failThroughput',
  131048: 'failThroughput',
  131049: 'failNotDelivered',
  131050: 'failStoppedMarketing',
  // The simulator's own consent rule (mock-platform/src/simulator/policy.ts), not one of Meta's codes.
  139050: 'failNoConsent',
  131031: 'failAccountLocked',
  368: 'failAccountLocked',
  100: 'failInvalid',
  131008: 'failInvalid',
  131009: 'failInvalid',
  131051: 'failInvalid',
};

/** Meta's code in the agent's words; codes without their own words are a plain refusal. */
export const reasonOfCode = (code: number): MessageKey => reasons[code] ?? 'failRefused';

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
