import { DEMO } from '../seed/demo-tenant.ts';
import type { SimTemplate } from '../simulator/records.ts';

type Component = { type?: string; sub_type?: string; index?: string | number; parameters?: { type?: string }[] };

/**
 * An APPROVED template named as the example names it (else `fixture_template`, en_US) with the components a send example of
 * Meta's is written for: a header of the kind its header parameter is, a body with as many
 * placeholders as it gives, and the buttons its button components name.
 */
export function approvedTemplateFor(request: {
  template?: { name?: string; language?: { code?: string }; components?: Component[] };
}): SimTemplate {
  const given = request.template?.components ?? [];
  const header = given.find((c) => c.type === 'header')?.parameters ?? [];
  const body = given.find((c) => c.type === 'body')?.parameters ?? [];
  const buttons = given.filter((c) => c.type === 'button');
  const kind = header[0]?.type;
  const components: Record<string, unknown>[] = [];
  if (kind === 'text') components.push({ type: 'HEADER', format: 'TEXT', text: 'News {{1}}' });
  else if (kind) components.push({ type: 'HEADER', format: kind.toUpperCase() });
  components.push({ type: 'BODY', text: body.map((_, i) => `{{${i + 1}}}`).join(' ') || 'Hello' });
  if (buttons.length > 0) {
    const count = Math.max(...buttons.map((b) => Number(b.index ?? 0))) + 1;
    components.push({
      type: 'BUTTONS',
      buttons: Array.from({ length: count }, (_, index) => {
        const button = buttons.find((b) => Number(b.index ?? 0) === index);
        const subType = String(button?.sub_type ?? 'quick_reply').toUpperCase();
        if (subType === 'URL') return { type: 'URL', text: 'Open', url: 'https://example.com/{{1}}' };
        if (subType === 'COPY_CODE') return { type: 'COPY_CODE', example: 'CODE' };
        return { type: subType === 'QUICK_REPLY' ? 'QUICK_REPLY' : subType, text: `Button ${index + 1}` };
      }),
    });
  }
  return {
    id: '300000000000099',
    wabaId: DEMO.wabaId,
    name: request.template?.name ?? 'fixture_template',
    language: request.template?.language?.code ?? 'en_US',
    category: 'MARKETING',
    status: 'APPROVED',
    components,
  };
}
