/**
 * A rich message (TP-3) as the Cloud API message that carries it: quick replies as reply buttons,
 * list and time-slot pickers as lists, a rich link as a text with its preview. Also the text a
 * transcript shows for it. Pure: the platform sends what this builds.
 */

export type RichContent =
  | { kind: 'quick_replies'; text: string; options: string[] }
  | { kind: 'rich_link'; title: string; url: string; description?: string | undefined }
  | { kind: 'list_picker'; text: string; button: string; items: { title: string; description?: string | undefined }[] }
  | { kind: 'time_picker'; text: string; slots: string[] };

/** `2026-11-23T10:00` → `Mon 23 Nov 10:00` (fits WhatsApp's 24-character row titles). */
export function slotTitle(slot: string): string {
  const date = new Date(`${slot}:00Z`);
  if (Number.isNaN(date.getTime())) return slot.slice(0, 24);
  const day = date.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  return `${day} ${slot.slice(11, 16)}`.slice(0, 24);
}

/** An interactive list with one section of rows. */
function listMessage(text: string, button: string, rows: { id: string; title: string; description?: string }[]) {
  return {
    type: 'interactive',
    interactive: { type: 'list', body: { text }, action: { button, sections: [{ rows }] } },
  };
}

export function richMessagePayload(content: RichContent): Record<string, unknown> {
  switch (content.kind) {
    case 'quick_replies':
      return {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: content.text },
          action: {
            buttons: content.options.map((title, i) => ({ type: 'reply', reply: { id: `option_${i + 1}`, title } })),
          },
        },
      };
    case 'list_picker':
      return listMessage(
        content.text,
        content.button,
        content.items.map((item, i) => ({
          id: `item_${i + 1}`,
          title: item.title,
          ...(item.description ? { description: item.description } : {}),
        })),
      );
    case 'time_picker':
      return listMessage(
        content.text,
        'Choose a time',
        content.slots.map((slot) => ({ id: `slot_${slot}`, title: slotTitle(slot) })),
      );
    case 'rich_link':
      return { type: 'text', text: { body: richMessageText(content), preview_url: true } };
  }
}

/** What the transcript shows for a rich message the agent sent. */
export function richMessageText(content: RichContent): string {
  switch (content.kind) {
    case 'quick_replies':
      return `${content.text}\n${content.options.map((option) => `[${option}]`).join(' ')}`;
    case 'list_picker':
      return `${content.text}\n${content.items.map((item) => `• ${item.title}`).join('\n')}`;
    case 'time_picker':
      return `${content.text}\n${content.slots.map((slot) => `• ${slotTitle(slot)}`).join('\n')}`;
    case 'rich_link':
      return [content.title, content.url, content.description].filter(Boolean).join('\n');
  }
}
