import { PlatformError } from './api-client.ts';
import { reasonOfCode } from './failure-reason.ts';
import { type MessageKey, t } from './i18n.ts';

/** What the agent was doing when it failed: the first words of the error say what did not happen. */
export type AgentAction =
  | 'accept'
  | 'reject'
  | 'transfer'
  | 'conference'
  | 'stopConference'
  | 'end'
  | 'wrapUp'
  | 'template'
  | 'attachment'
  | 'state'
  | 'send'
  | 'rich'
  | 'load'
  | 'loadTemplates'
  | 'loadRich';

/** An error as the agent reads it: what failed and what to do, then the platform's or Meta's code, small. */
export type AgentError = { text: string; detail?: string };

const did: Record<AgentAction, MessageKey> = {
  accept: 'didAccept',
  reject: 'didReject',
  transfer: 'didTransfer',
  conference: 'didConference',
  stopConference: 'didStopConference',
  end: 'didEnd',
  wrapUp: 'didWrapUp',
  template: 'didTemplate',
  attachment: 'didAttachment',
  state: 'didState',
  send: 'didSend',
  rich: 'didRich',
  load: 'didLoad',
  loadTemplates: 'didLoadTemplates',
  loadRich: 'didLoadRich',
};

/** The platform's error codes (mock-platform ApiError) in the agent's words. */
const why: Record<string, MessageKey> = {
  unreachable: 'whyUnreachable',
  session_expired: 'whySignedOut',
  unauthenticated: 'whySignedOut',
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

/** WhatsApp's refusals carry Meta's code and text in the platform's message: "… (131050): User has…". */
const META_REFUSAL = /\((\d+)\):\s*(.*)$/s;

/**
 * Words a failed action for the agent, in the panel's language: what did not happen and why, with
 * what to do; Meta's code and text (a WhatsApp refusal) or the platform's code as the detail.
 */
export function describeError(action: AgentAction, caught: unknown, say = t): AgentError {
  const head = say(did[action]);
  if (!(caught instanceof PlatformError)) return { text: `${head} ${say('whyUnknown')}` };
  const refusal = /_refused$/.test(caught.code) ? META_REFUSAL.exec(caught.message) : null;
  if (refusal?.[1]) {
    return {
      text: `${head} ${say(reasonOfCode(Number(refusal[1])))}`,
      detail: say('failDetail', { code: refusal[1], detail: refusal[2] ?? '' }),
    };
  }
  const reason = caught.signedOut ? 'whySignedOut' : (why[caught.code] ?? 'whyUnknown');
  // Unreachable has no code worth showing; a refused field names itself (the platform's words).
  const detail =
    caught.code === 'unreachable'
      ? undefined
      : caught.code === 'validation_failed' && caught.issues[0]
        ? `${say('platformDetail', { code: caught.code })}: ${caught.issues[0].path}: ${caught.issues[0].message}`
        : say('platformDetail', { code: caught.code });
  return { text: `${head} ${say(reason)}`, ...(detail ? { detail } : {}) };
}

/** The error on one line, for places that show a single string (the attachment and start forms). */
export const errorLine = (error: AgentError) => (error.detail ? `${error.text} (${error.detail})` : error.text);
