/**
 * WhatsApp Manager's form as Meta's template components, and a template's components as one line
 * of text for the list. No DOM here: the page and its tests share these.
 */

export type ButtonKind = 'QUICK_REPLY' | 'URL' | 'PHONE_NUMBER' | 'COPY_CODE';
export const BUTTON_KINDS: readonly ButtonKind[] = ['QUICK_REPLY', 'URL', 'PHONE_NUMBER', 'COPY_CODE'];

/** One button as typed in the form (each field kept while its kind changes, as the inputs are). */
export interface ButtonDraft {
  key: number;
  type: ButtonKind;
  text: string;
  url: string;
  phone: string;
  example: string;
}

export type HeaderFormat = '' | 'TEXT' | 'IMAGE' | 'VIDEO' | 'DOCUMENT';

export interface TemplateDraft {
  headerFormat: HeaderFormat;
  headerText: string;
  headerExample: string;
  body: string;
  /** Example values separated by `|`. */
  examples: string;
  footer: string;
  buttons: readonly ButtonDraft[];
}

export type Component = Record<string, unknown> & { type: string };

function button(draft: ButtonDraft): Record<string, unknown> {
  const { type } = draft;
  const example = draft.example.trim();
  if (type === 'COPY_CODE') return { type, example };
  const text = draft.text.trim();
  if (type === 'URL') return { type, text, url: draft.url.trim(), ...(example ? { example: [example] } : {}) };
  if (type === 'PHONE_NUMBER') return { type, text, phone_number: draft.phone.trim() };
  return { type, text };
}

/** The components the Graph API would take for this form: the server validates them. */
export function templateComponents(draft: TemplateDraft): Component[] {
  const components: Component[] = [];
  const format = draft.headerFormat;
  const headerExample = draft.headerExample.trim();
  if (format === 'TEXT') {
    components.push({
      type: 'HEADER',
      format,
      text: draft.headerText,
      ...(headerExample ? { example: { header_text: [headerExample] } } : {}),
    });
  } else if (format) {
    components.push({
      type: 'HEADER',
      format,
      ...(headerExample ? { example: { header_handle: [headerExample] } } : {}),
    });
  }
  const examples = draft.examples
    .split('|')
    .map((value) => value.trim())
    .filter(Boolean);
  components.push({
    type: 'BODY',
    text: draft.body,
    ...(examples.length ? { example: { body_text: [examples] } } : {}),
  });
  if (draft.footer.trim()) components.push({ type: 'FOOTER', text: draft.footer.trim() });
  if (draft.buttons.length) components.push({ type: 'BUTTONS', buttons: draft.buttons.map(button) });
  return components;
}

interface ListedComponent {
  type: string;
  format?: string;
  text?: string;
  buttons?: readonly { type: string; text?: string; example?: unknown }[];
}

/** A stored template's components as the list shows them: `[IMAGE header]`, the body, `[URL] Ver oferta`. */
export function describeComponents(components: readonly ListedComponent[]): string {
  return components
    .map((component) => {
      const type = String(component.type).toUpperCase();
      if (type === 'HEADER') return `[${component.format || 'TEXT'} header] ${component.text || ''}`;
      if (type === 'BUTTONS') {
        return (component.buttons ?? []).map((b) => `[${b.type}] ${b.text || String(b.example ?? '')}`).join(' ');
      }
      return component.text || '';
    })
    .filter(Boolean)
    .join('\n');
}
