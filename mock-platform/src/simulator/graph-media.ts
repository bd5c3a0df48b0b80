import type { Hono } from 'hono';
import { selectFields } from './graph-fields.ts';
import { mediaDownloadUrl } from './graph-helpers.ts';
import { templateView } from './graph-templates.ts';
import { MetaError } from './meta-error.ts';
import type { SimulatorSchema } from './records.ts';
import type { Simulator } from './simulator.ts';

/**
 * Media on the Cloud API: upload (`POST /{phone-number-id}/media`, multipart), metadata with a
 * download URL (`GET /{media-id}`), download with the bearer token, delete. `GET /{id}` also
 * answers for phone numbers, templates and business accounts, as Meta's node lookup does.
 */
export function mediaRoutes(app: Hono, simulator: Simulator, prefixes: readonly string[]): void {
  app.get('/media-download/:id', (c) => {
    const id = c.req.param('id');
    const media = simulator.media.get(id);
    const bytes = simulator.media.bytes(id);
    if (!media || !bytes)
      throw new MetaError(404, 131052, `Media download error: media ${id} does not exist or has expired`);
    return c.body(new Uint8Array(bytes).buffer, 200, {
      'content-type': media.mimeType,
      'content-length': String(media.fileSize),
      'content-disposition': `attachment; filename="${(media.filename ?? id).replace(/[^\w.-]/g, '_')}"`,
    });
  });

  for (const prefix of prefixes) {
    app.post(`${prefix}/:phoneNumberId/media`, async (c) => {
      const phone = simulator.phoneNumber(c.req.param('phoneNumberId'));
      let form: FormData;
      try {
        form = await c.req.formData();
      } catch {
        throw new MetaError(400, 100, 'Media uploads are multipart/form-data with file, type and messaging_product');
      }
      if (form.get('messaging_product') !== 'whatsapp') {
        throw new MetaError(400, 131008, 'The parameter messaging_product is required.');
      }
      const file = form.get('file');
      if (!(file instanceof File)) throw new MetaError(400, 131008, 'The parameter file is required.');
      const type = String(form.get('type') ?? file.type ?? '');
      const media = await simulator.media.upload(phone.id, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        type,
        filename: file.name || undefined,
      });
      return c.json({ id: media.id }, 200);
    });

    app.get(`${prefix}/:id`, (c) => {
      const id = c.req.param('id');
      const media = simulator.media.get(id);
      if (media) {
        return c.json(
          {
            messaging_product: 'whatsapp',
            url: mediaDownloadUrl(c.req.url, media.id),
            mime_type: media.mimeType,
            sha256: media.sha256,
            file_size: media.fileSize,
            id: media.id,
          },
          200,
        );
      }
      // Any other object Graph serves by id, with `fields=` honoured.
      const fields = c.req.query('fields');
      const phone = simulator.store.get('phoneNumbers', id);
      if (phone) return c.json(selectFields(simulator.phoneNumberView(phone), fields), 200);
      const template = simulator.store.get('templates', id);
      if (template) return c.json(selectFields(templateView(template), fields), 200);
      const waba = simulator.store.get('wabas', id);
      if (waba) return c.json(selectFields(wabaView(waba), fields), 200);
      throw MetaError.unsupported('get', id);
    });

    app.delete(`${prefix}/:id`, async (c) => {
      if (!(await simulator.media.remove(c.req.param('id')))) {
        throw MetaError.unsupported('delete', c.req.param('id'));
      }
      return c.json({ success: true }, 200);
    });
  }
}

/** A WhatsApp Business account as Graph describes it (`GET /{waba-id}`). */
function wabaView(waba: SimulatorSchema['wabas']) {
  return {
    id: waba.id,
    name: waba.name,
    currency: 'USD',
    timezone_id: '1',
    message_template_namespace: `ns_${waba.id}`,
    account_review_status: 'APPROVED',
    business_verification_status: 'verified',
    ...(waba.country ? { country: waba.country } : {}),
  };
}
