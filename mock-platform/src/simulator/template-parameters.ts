import { placeholderCount, type SendTemplateRequest } from '../../../shared/whatsapp/send-schema.ts';
import type { Refusal } from './policy.ts';
import type { SimTemplate } from './records.ts';

type Given = NonNullable<SendTemplateRequest['template']['components']>;
type Range = { min: number; max: number };

const MEDIA_FORMATS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']);

/** How many parameters a template button takes when sent: URL and code buttons need theirs. */
function buttonRange(button: Record<string, unknown>): Range {
  const type = String(button.type ?? '').toUpperCase();
  if (type === 'URL') {
    const dynamic = placeholderCount(typeof button.url === 'string' ? button.url : '');
    return { min: dynamic, max: dynamic };
  }
  if (type === 'COPY_CODE' || type === 'OTP') return { min: 1, max: 1 };
  if (type === 'PHONE_NUMBER') return { min: 0, max: 0 };
  // QUICK_REPLY (a payload), FLOW, CATALOG, MPM (an action): optional.
  return { min: 0, max: 1 };
}

const mismatch = (where: string, given: number, expected: number | string): Refusal => ({
  code: 132000,
  status: 400,
  details: `${where}: number of localizable_params (${given}) does not match the expected number of params (${expected})`,
});

/**
 * Meta's 132000 for a template send, component by component: the header's parameters (a text
 * header's placeholders, one for a media header, none when the template has no header), the
 * body's placeholders, and each button's (a dynamic URL or a code needs one; a button the template
 * does not have takes none). A media header given the wrong kind of media is 132012.
 */
export function templateParameterRefusal(template: SimTemplate, given: Given | undefined): Refusal | undefined {
  const part = (type: string) => template.components.find((c) => String(c.type).toUpperCase() === type);
  const sent = (type: 'header' | 'body') => given?.find((c) => c.type === type)?.parameters ?? [];

  const header = part('HEADER');
  const format = String(header?.format ?? 'TEXT').toUpperCase();
  const headerExpected = !header
    ? 0
    : MEDIA_FORMATS.has(format)
      ? 1
      : placeholderCount(typeof header.text === 'string' ? header.text : '');
  const headerGiven = sent('header');
  if (headerGiven.length !== headerExpected) return mismatch('header', headerGiven.length, headerExpected);
  const kind = headerGiven[0]?.type;
  if (header && MEDIA_FORMATS.has(format) && kind !== format.toLowerCase()) {
    return {
      code: 132012,
      status: 400,
      details: `header: parameter format does not match format in the created template (expected ${format.toLowerCase()}, got ${kind})`,
    };
  }

  const body = part('BODY');
  const bodyExpected = placeholderCount(typeof body?.text === 'string' ? body.text : '');
  if (sent('body').length !== bodyExpected) return mismatch('body', sent('body').length, bodyExpected);

  const buttons = (Array.isArray(part('BUTTONS')?.buttons) ? part('BUTTONS')?.buttons : []) as Record<
    string,
    unknown
  >[];
  const byIndex = new Map<number, number>();
  for (const component of given?.filter((c) => c.type === 'button') ?? []) {
    const index = Number(component.index ?? 0);
    const button = buttons[index];
    const count = component.parameters?.length ?? 0;
    if (!button) return mismatch(`button at index ${index} (the template has ${buttons.length} buttons)`, count, 0);
    byIndex.set(index, count);
  }
  for (const [index, button] of buttons.entries()) {
    const { min, max } = buttonRange(button);
    const count = byIndex.get(index) ?? 0;
    if (count < min || count > max) {
      return mismatch(
        `button at index ${index} (${String(button.type)})`,
        count,
        min === max ? min : `${min} to ${max}`,
      );
    }
  }
  return undefined;
}
