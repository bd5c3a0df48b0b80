import { type CannedVariable, cannedVariables, unknownVariables } from '../../shared/api/canned-responses.ts';
import { describeRule } from '../../shared/api/validation-rules.ts';
import { TEXT_BODY_MAX } from '../../shared/whatsapp/send-schema.ts';
import { type AdminKey, language, t } from './i18n.ts';
import type { Errors } from './ui.tsx';

/** What the canned-responses form edits (the API's body). */
export type CannedDraft = {
  name: string;
  shortcut: string;
  text: string;
  language: 'en' | 'es';
  allChannels: boolean;
  channelIds: string[];
};

/** The same pattern the platform enforces (shared/api/canned-responses.ts). */
const SHORTCUT = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** The text key that says what each variable stands for. */
const VARIABLE_KEYS = {
  'customer.name': 'var_customerName',
  'customer.firstName': 'var_customerFirstName',
  'customer.number': 'var_customerNumber',
  'agent.name': 'var_agentName',
  'agent.firstName': 'var_agentFirstName',
  'channel.name': 'var_channelName',
} as const satisfies Record<CannedVariable, AdminKey>;

/** Each variable with the text key that says what it stands for. */
export const variableHelp = cannedVariables.map((variable) => ({ variable, key: VARIABLE_KEYS[variable] }));

/**
 * The draft's problems in the UI's language, before asking the platform (which checks the same
 * rules again and has the last word): the platform's own words for these rules are English only.
 */
export function checkCannedDraft(
  draft: CannedDraft,
  others: readonly { id: string; name: string; shortcut: string; language: string }[],
  id: string | undefined,
): Errors {
  const errors: Errors = {};
  const rule = (code: 'required' | 'too_big', limit?: number) =>
    describeRule({ code, origin: 'string', ...(limit ? { limit } : {}) }, language());
  const name = draft.name.trim();
  const shortcut = draft.shortcut.trim();
  const text = draft.text.trim();
  if (!name) errors.name = rule('required');
  else if (name.length > 80) errors.name = rule('too_big', 80);
  if (!shortcut) errors.shortcut = rule('required');
  else if (!SHORTCUT.test(shortcut)) errors.shortcut = t('cannedShortcutRule');
  else {
    const twin = others.find(
      (other) => other.id !== id && other.shortcut === shortcut && other.language === draft.language,
    );
    if (twin) errors.shortcut = t('cannedShortcutTaken', { shortcut, name: twin.name });
  }
  const unknown = unknownVariables(text);
  if (!text) errors.text = rule('required');
  else if (text.length > TEXT_BODY_MAX) errors.text = rule('too_big', TEXT_BODY_MAX);
  else if (unknown.length > 0)
    errors.text = unknown.map((variable) => t('cannedUnknownVariable', { variable: `{{${variable}}}` })).join('; ');
  if (!draft.allChannels && draft.channelIds.length === 0) errors.channelIds = t('cannedChooseChannels');
  return errors;
}
