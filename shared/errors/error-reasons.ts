import type { ErrorWordKey } from './error-words.ts';

/** The platform's error codes (mock-platform ApiError) in the agent's words. */
export const platformReasons: Record<string, ErrorWordKey> = {
  unreachable: 'whyUnreachable',
  session_expired: 'whySignedOut',
  unauthenticated: 'whySignedOut',
  component_token_invalid: 'whySignedOut',
  offer_not_pending: 'whyOfferGone',
  reject_not_allowed: 'whyRejectNotAllowed',
  agent_not_available: 'whyAgentBusy',
  channel_not_in_role: 'whyNotInRole',
  conference_in_progress: 'whyConferenceOn',
  conference_gone: 'whyConferenceGone',
  no_conference: 'whyConferenceGone',
  conversation_ended: 'whyConversationEnded',
  conversation_not_active: 'whyConversationEnded',
  not_owner: 'whyNotOwner',
  not_guest: 'whyNotOwner',
  forbidden: 'whyForbidden',
  window_closed: 'whyWindowClosed',
  wrap_up_done: 'whyWrapUpDone',
  conversation_exists: 'whyConversationExists',
  not_retryable: 'whyNotRetryable',
  message_gone: 'whyNotRetryable',
  validation_failed: 'whyInvalid',
  file_too_large: 'whyTooLarge',
  payload_too_large: 'whyTooLarge',
  whatsapp_unreachable: 'whyWhatsAppUnreachable',
  upload_unreachable: 'whyWhatsAppUnreachable',
};

/** Meta's error codes the agent can do something about, in plain words. */
export const metaReasons: Record<number, ErrorWordKey> = {
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
export const reasonOfCode = (code: number): ErrorWordKey => metaReasons[code] ?? 'failRefused';
