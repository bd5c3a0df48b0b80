import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { MEDIA_TTL_MS } from './media.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('simulator media expire like Meta’s, 30 days after upload (by the clock)', () => {
  it('answers until the 30 days are over, then is unknown, unsendable and swept away', async () => {
    const t = await testPlatform();
    await t.customerSays('hola', '+34 612 345 678');
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', 'image/png');
    form.set('file', new File([new Uint8Array(PNG)], 'cat.png', { type: 'image/png' }));
    const uploaded = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.config.WHATSAPP_TOKEN}` },
      body: form,
    });
    const { id } = (await uploaded.json()) as { id: string };
    const image = { messaging_product: 'whatsapp', to: '+34612345678', type: 'image', image: { id } };

    t.clock.advance(MEDIA_TTL_MS - 1);
    const info = await t.graph('GET', `/${id}`);
    expect(info.body).toMatchObject({ id, mime_type: 'image/png' });
    expect((await t.graph('POST', `/${DEMO.phoneNumberId}/messages`, image)).status).toBe(200);

    t.clock.advance(1);
    const gone = await t.graph('GET', `/${id}`);
    expect([gone.status, gone.body.error.code, gone.body.error.error_subcode]).toEqual([400, 100, 33]);
    expect(
      (await t.app.request(info.body.url, { headers: { authorization: `Bearer ${t.config.WHATSAPP_TOKEN}` } })).status,
    ).toBe(404);
    expect((await t.graph('POST', `/${DEMO.phoneNumberId}/messages`, image)).body.error.code).toBe(131009);
    expect(t.simulatorStore.get('media', id)).toBeDefined();
    await t.sweep();
    expect(t.simulatorStore.get('media', id)).toBeUndefined();
  });
});
