import type { Hono } from 'hono';
import { createTemplateRequestSchema, editTemplateRequestSchema } from '../../../shared/whatsapp/template-schema.ts';
import { graphPage } from './graph-fields.ts';
import { readJson, toMetaError } from './graph-helpers.ts';
import { MetaError } from './meta-error.ts';
import type { SimTemplate } from './records.ts';
import type { Simulator } from './simulator.ts';

/** Message templates on the Cloud API: list, create (PENDING), edit by id, delete by name. */
export function templateRoutes(app: Hono, simulator: Simulator, prefixes: readonly string[]): void {
  const account = (wabaId: string, method = 'get') => {
    if (!simulator.store.get('wabas', wabaId)) throw MetaError.unsupported(method, wabaId);
    return wabaId;
  };
  for (const prefix of prefixes) {
    app.get(`${prefix}/:wabaId/message_templates`, (c) => {
      const { name, status } = c.req.query();
      const data = simulator.templates
        .list(account(c.req.param('wabaId')))
        .filter((t) => (!name || t.name === name) && (!status || t.status === status))
        .map(templateView);
      return c.json(graphPage(data, c.req.query(), c.req.url), 200);
    });

    app.post(`${prefix}/:wabaId/message_templates`, async (c) => {
      const wabaId = account(c.req.param('wabaId'));
      const parsed = createTemplateRequestSchema.safeParse(await readJson(c.req.raw));
      if (!parsed.success) throw toMetaError(parsed.error);
      const template = await simulator.templates.create(wabaId, parsed.data);
      return c.json({ id: template.id, status: template.status, category: template.category }, 200);
    });

    app.delete(`${prefix}/:wabaId/message_templates`, async (c) => {
      const wabaId = account(c.req.param('wabaId'));
      const { name, hsm_id: hsmId } = c.req.query();
      if (!name) throw new MetaError(400, 131008, 'The parameter name is required.');
      await simulator.templates.remove(wabaId, name, hsmId);
      return c.json({ success: true }, 200);
    });

    app.post(`${prefix}/:templateId`, async (c) => {
      const parsed = editTemplateRequestSchema.safeParse(await readJson(c.req.raw));
      if (!parsed.success) throw toMetaError(parsed.error);
      await simulator.templates.edit(c.req.param('templateId'), parsed.data);
      return c.json({ success: true }, 200);
    });
  }
}

/** A template as Graph describes it (lists and `GET /{template-id}`). */
export function templateView(t: SimTemplate) {
  return {
    name: t.name,
    components: t.components,
    language: t.language,
    status: t.status,
    category: t.category,
    ...(t.qualityScore ? { quality_score: { score: t.qualityScore } } : {}),
    ...(t.rejectedReason ? { rejected_reason: t.rejectedReason } : {}),
    id: t.id,
  };
}
