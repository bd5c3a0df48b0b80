import { type AgentError, describeFailure, errorLine } from '../../shared/errors/describe-failure.ts';
import type { ErrorWordKey } from '../../shared/errors/error-words.ts';
import { PlatformError } from './api-client.ts';
import { t } from './i18n.ts';

export type { AgentError };
export { errorLine };

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
  | 'loadRich'
  | 'note'
  | 'tag'
  | 'loadCustomer'
  | 'loadPast';

const did: Record<AgentAction, ErrorWordKey> = {
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
  note: 'didNote',
  tag: 'didTag',
  loadCustomer: 'didLoadCustomer',
  loadPast: 'didLoadPast',
};

/**
 * Words a failed action for the agent, in the panel's language (shared/errors/describe-failure.ts):
 * what did not happen and why, with what to do; Meta's or the platform's code as the detail.
 */
export function describeError(action: AgentAction, caught: unknown, say = t): AgentError {
  if (!(caught instanceof PlatformError)) return describeFailure(did[action], undefined, say);
  const issue = caught.issues[0];
  return describeFailure(
    did[action],
    { code: caught.code, message: caught.message, signedOut: caught.signedOut, ...(issue ? { issue } : {}) },
    say,
  );
}
