/** The template picker's English text: the source dictionary (es.ts has exactly its keys). */
export const en = {
  choose: 'Choose an approved template',
  none: 'There are no approved templates for this channel.',
  variable: 'Variable',
  send: 'Send',
  back: 'Back',
  sent: 'Template sent.',
  fill: 'Fill in every variable.',
  expired: 'This picker has expired: open it again from the panel.',
} as const;

export type PickerKey = keyof typeof en;
