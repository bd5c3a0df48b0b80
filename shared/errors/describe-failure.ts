import { platformReasons, reasonOfCode } from './error-reasons.ts';
import type { ErrorWordKey } from './error-words.ts';

/** An error as the agent reads it: what failed and what to do, then the platform's or Meta's code, small. */
export type AgentError = { text: string; detail?: string };

/** Looks a word up in the agent's language (extension/utils/i18n.ts `t`, or a table of error-words.ts). */
export type SayError = (key: ErrorWordKey, values?: Record<string, string>) => string;

/** What the platform said when it refused: its JSON error (`code`, `message`, first field issue). */
export type Refusal = {
  code: string;
  message: string;
  signedOut?: boolean;
  issue?: { path: string; message: string };
};

/** WhatsApp's refusals carry Meta's code and text in the platform's message: "… (131050): User has…". */
const META_REFUSAL = /\((\d+)\):\s*(.*)$/s;

/**
 * Words a failed action: `head` says what did not happen; the reason and what to do follow, with
 * Meta's code and text (a WhatsApp refusal) or the platform's code as the detail. Without a
 * refusal (a thrown bug, not the platform's answer) only "try again" can be said.
 */
export function describeFailure(head: ErrorWordKey, refusal: Refusal | undefined, say: SayError): AgentError {
  const did = say(head);
  if (!refusal) return { text: `${did} ${say('whyUnknown')}` };
  const meta = /_refused$/.test(refusal.code) ? META_REFUSAL.exec(refusal.message) : null;
  if (meta?.[1]) {
    return {
      text: `${did} ${say(reasonOfCode(Number(meta[1])))}`,
      detail: say('failDetail', { code: meta[1], detail: meta[2] ?? '' }),
    };
  }
  const reason = refusal.signedOut ? 'whySignedOut' : (platformReasons[refusal.code] ?? 'whyUnknown');
  // Unreachable has no code worth showing; a refused field names itself (the platform's words).
  const detail =
    refusal.code === 'unreachable'
      ? undefined
      : refusal.code === 'validation_failed' && refusal.issue
        ? `${say('platformDetail', { code: refusal.code })}: ${refusal.issue.path}: ${refusal.issue.message}`
        : say('platformDetail', { code: refusal.code });
  return { text: `${did} ${say(reason)}`, ...(detail ? { detail } : {}) };
}

/** The error on one line, for places that show a single string. */
export const errorLine = (error: AgentError) => (error.detail ? `${error.text} (${error.detail})` : error.text);
