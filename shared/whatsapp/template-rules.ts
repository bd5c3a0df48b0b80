/**
 * Meta's refusals of a template's content: `code` 100 with an `error_subcode` where Meta has one
 * for the rule (field too long 2388040, header format 2388047, a variable at the start or end of
 * the body 2388299), else none; the details name the field and the rule.
 */
export type TemplateIssue = { message: string; path: (string | number)[]; subcode?: number };

export const SUBCODE = {
  /** "Message template field length exceeded". */
  fieldLength: 2388040,
  /** "Message header format is incorrect". */
  headerFormat: 2388047,
  /** "Variables can't be at the start or end of the template". */
  variableAtEdge: 2388299,
  /** "Content in this language already exists". */
  languageExists: 2388024,
} as const;

/** Meta's user title for each subcode the simulator answers (`error_user_title`). */
export const SUBCODE_TITLES: Record<number, string> = {
  [SUBCODE.fieldLength]: 'Message template field length exceeded',
  [SUBCODE.headerFormat]: 'Message header format is incorrect',
  [SUBCODE.variableAtEdge]: "Variables can't be at the start or end of the template",
  [SUBCODE.languageExists]: 'Content in this language already exists',
};

type Button = Record<string, unknown> & { type: string };

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const variables = (value: string) => [...value.matchAll(/\{\{(\d+)\}\}/g)].map((m) => Number(m[1]));

/**
 * The buttons of a BUTTONS component, as Meta checks them: 1 to 10; quick replies together (not
 * between other buttons); at most 2 URL, 1 phone number and 1 copy-code button; texts of 1 to 25
 * characters; a URL of at most 2000 characters with at most one variable, `{{1}}`, at its end and
 * an example for it; a phone number of at most 20 digits; a copy code's example of at most 15
 * characters. Other types (OTP, FLOW, CATALOG, MPM…) are taken as Meta's examples send them.
 */
export function buttonIssues(buttons: readonly Button[], at: (string | number)[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const issue = (message: string, path: (string | number)[], subcode?: number) =>
    issues.push({ message, path: [...at, ...path], ...(subcode ? { subcode } : {}) });
  if (buttons.length === 0 || buttons.length > 10) issue('BUTTONS must have 1 to 10 buttons', []);
  const types = buttons.map((b) => b.type.toUpperCase());
  const count = (type: string) => types.filter((t) => t === type).length;
  if (count('URL') > 2) issue('at most 2 URL buttons', []);
  if (count('PHONE_NUMBER') > 1) issue('at most 1 PHONE_NUMBER button', []);
  if (count('COPY_CODE') > 1) issue('at most 1 COPY_CODE button', []);
  const quick = types.flatMap((t, i) => (t === 'QUICK_REPLY' ? [i] : []));
  const first = quick[0];
  const last = quick.at(-1);
  if (first !== undefined && last !== undefined && last - first + 1 !== quick.length) {
    issue('QUICK_REPLY buttons must be grouped together, before or after the other buttons', []);
  }
  buttons.forEach((button, index) => {
    const type = types[index];
    const label = text(button.text);
    if (type === 'QUICK_REPLY' || type === 'URL' || type === 'PHONE_NUMBER') {
      if (!label) issue(`a ${type} button needs a text`, [index, 'text']);
      else if (label.length > 25)
        issue('button text must be at most 25 characters', [index, 'text'], SUBCODE.fieldLength);
    }
    if (type === 'URL') {
      const url = text(button.url) ?? '';
      if (!/^https?:\/\/\S+$/.test(url)) issue('a URL button needs an http(s) url', [index, 'url']);
      else if (url.length > 2000) issue('url must be at most 2000 characters', [index, 'url'], SUBCODE.fieldLength);
      const found = variables(url);
      if (found.length > 1 || (found.length === 1 && (found[0] !== 1 || !url.endsWith('{{1}}')))) {
        issue('a URL may have one variable, {{1}}, at its end', [index, 'url']);
      }
      const example = Array.isArray(button.example) ? text(button.example[0]) : undefined;
      if (found.length === 1 && !example) issue('a URL with {{1}} needs example: [a sample value]', [index, 'example']);
    }
    if (type === 'PHONE_NUMBER') {
      const phone = text(button.phone_number) ?? '';
      if (!/^\+?\d{6,20}$/.test(phone)) {
        issue('phone_number must be 6 to 20 digits, with the country code', [index, 'phone_number']);
      }
    }
    if (type === 'COPY_CODE') {
      const example = text(button.example) ?? '';
      if (example.length === 0) issue('a COPY_CODE button needs example: the sample code', [index, 'example']);
      else if (example.length > 15) {
        issue('the code example must be at most 15 characters', [index, 'example'], SUBCODE.fieldLength);
      }
    }
  });
  return issues;
}

/** A variable opening or closing the body ("{{1}}, your order…", "…is {{2}}"): Meta refuses it. */
export function variableAtEdge(body: string): boolean {
  const trimmed = body.trim();
  return /^\{\{\d+\}\}/.test(trimmed) || /\{\{\d+\}\}$/.test(trimmed);
}
