import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

type Platform = Awaited<ReturnType<typeof testPlatform>>;

async function request(
  t: Platform,
  method: string,
  path: string,
  init: { body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await t.app.request(`http://platform.test/graph${path}`, {
    method,
    headers: {
      authorization: `Bearer ${t.config.WHATSAPP_TOKEN}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

const text = (to: string) => ({ messaging_product: 'whatsapp', to, type: 'text', text: { body: 'Hola' } });

describe('the Graph API answers like Meta', () => {
  it.each([
    ['GET', '/v23.0/nonexistent-object', 'get', 'nonexistent-object'],
    ['GET', '/v23.0/123/unknown_edge', 'get', '123'],
    ['DELETE', `/v23.0/${DEMO.phoneNumberId}/messages`, 'delete', DEMO.phoneNumberId],
    ['PUT', '/nothing-here', 'put', 'nothing-here'],
  ])('%s %s: unsupported, in Meta’s error shape', async (method, path, verb, id) => {
    const t = await testPlatform();
    const response = await request(t, method, path);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      message: expect.stringMatching(
        new RegExp(`^Unsupported ${verb} request\\. Object with ID '${id}' does not exist`),
      ),
      type: 'GraphMethodException',
      code: 100,
      error_subcode: 33,
      fbtrace_id: expect.stringMatching(/^\S+$/),
    });
  });

  it('tolerates a trailing slash', async () => {
    const t = await testPlatform();
    await t.customerSays('hola', '+34 612 345 678');
    const sent = await request(t, 'POST', `/v23.0/${DEMO.phoneNumberId}/messages/`, { body: text('34612345678') });
    expect(sent.status).toBe(200);
    expect(sent.body.messages[0].id).toMatch(/^wamid\./);
  });

  it('takes the token as Bearer, as OAuth or as the access_token query parameter; none → 104', async () => {
    const t = await testPlatform();
    const path = `/v23.0/${DEMO.wabaId}/phone_numbers`;
    expect(
      (await request(t, 'GET', path, { headers: { authorization: `OAuth ${t.config.WHATSAPP_TOKEN}` } })).status,
    ).toBe(200);
    expect(
      (await request(t, 'GET', `${path}?access_token=${t.config.WHATSAPP_TOKEN}`, { headers: { authorization: '' } }))
        .status,
    ).toBe(200);
    const none = await request(t, 'GET', path, { headers: { authorization: '' } });
    expect(none.status).toBe(401);
    expect(none.body.error).toMatchObject({
      code: 104,
      type: 'OAuthException',
      message: 'An access token is required to request this resource.',
    });
    expect(
      (await request(t, 'GET', `${path}?access_token=wrong`, { headers: { authorization: '' } })).body.error.code,
    ).toBe(190);
  });

  it.each(['+34 612 345 678', '34-612-345-678', '+34 (612) 345-678', '34.612.345.678'])(
    'takes `to` as %s',
    async (to) => {
      const t = await testPlatform();
      await t.customerSays('hola', '+34 612 345 678');
      const sent = await request(t, 'POST', `/v23.0/${DEMO.phoneNumberId}/messages`, { body: text(to) });
      expect(sent.status).toBe(200);
      expect(sent.body.contacts).toEqual([{ input: to, wa_id: '34612345678' }]);
    },
  );

  it.each(['34 61', '+34 612 345 678 999 999 9', 'call me', '+'])('refuses `to` %s', async (to) => {
    const t = await testPlatform();
    const sent = await request(t, 'POST', `/v23.0/${DEMO.phoneNumberId}/messages`, { body: text(to) });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe(100);
  });
});

const body = { text: 'Elige' };
const interactive = (value: Record<string, unknown>) => ({
  messaging_product: 'whatsapp',
  to: '34612345678',
  type: 'interactive',
  interactive: value,
});
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ product_retailer_id: `sku-${i}` }));

describe('the message types Meta documents', () => {
  it.each([
    [
      'contacts',
      {
        messaging_product: 'whatsapp',
        to: '34612345678',
        type: 'contacts',
        contacts: [
          {
            name: { formatted_name: 'Ana Pérez', first_name: 'Ana' },
            phones: [{ phone: '+34 600 000 111', type: 'CELL' }],
          },
        ],
      },
      '👤 Ana Pérez',
    ],
    [
      'cta_url',
      interactive({
        type: 'cta_url',
        body,
        action: { name: 'cta_url', parameters: { display_text: 'Ver pedido', url: 'https://shop.example/o/1' } },
      }),
      'Elige\n🔗 Ver pedido (https://shop.example/o/1)',
    ],
    [
      'location_request_message',
      interactive({ type: 'location_request_message', body, action: { name: 'send_location' } }),
      'Elige\n📍 Send location',
    ],
    [
      'flow',
      interactive({
        type: 'flow',
        body,
        action: { name: 'flow', parameters: { flow_message_version: '3', flow_id: '123', flow_cta: 'Reservar' } },
      }),
      'Elige\n📋 Reservar',
    ],
    [
      'product',
      interactive({ type: 'product', action: { catalog_id: 'cat1', product_retailer_id: 'sku-1' } }),
      '\n🛍 sku-1',
    ],
    [
      'product_list',
      interactive({
        type: 'product_list',
        header: { type: 'text', text: 'Ofertas' },
        body,
        action: { catalog_id: 'cat1', sections: [{ title: 'Hoy', product_items: items(3) }] },
      }),
      'Ofertas\nElige\n🛍 3 products',
    ],
    [
      'catalog_message',
      interactive({ type: 'catalog_message', body, action: { name: 'catalog_message' } }),
      'Elige\n🛍 View catalog',
    ],
  ])('sends %s and shows it on the customer’s phone', async (_type, message, shown) => {
    const t = await testPlatform();
    await t.customerSays('hola', '+34 612 345 678');
    const sent = await request(t, 'POST', `/v23.0/${DEMO.phoneNumberId}/messages`, { body: message });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    expect(t.simulatorStore.get('messages', sent.body.messages[0].id)?.text).toBe(shown);
  });

  it.each([
    [
      'a cta_url button over 20 characters',
      interactive({
        type: 'cta_url',
        body,
        action: { name: 'cta_url', parameters: { display_text: 'x'.repeat(21), url: 'https://a.example' } },
      }),
      100,
      /display_text must be at most 20/,
    ],
    [
      'a flow naming both its id and its name',
      interactive({
        type: 'flow',
        body,
        action: {
          name: 'flow',
          parameters: { flow_message_version: '3', flow_id: '1', flow_name: 'f', flow_cta: 'Go' },
        },
      }),
      100,
      /exactly one of flow_id or flow_name/,
    ],
    [
      'a product list of 31 products',
      interactive({
        type: 'product_list',
        header: { type: 'text', text: 'Ofertas' },
        body,
        action: {
          catalog_id: 'cat1',
          sections: [
            { title: 'A', product_items: items(16) },
            { title: 'B', product_items: items(15) },
          ],
        },
      }),
      100,
      /at most 30 products/,
    ],
    [
      'a contact without its formatted name',
      {
        messaging_product: 'whatsapp',
        to: '34612345678',
        type: 'contacts',
        contacts: [{ name: { first_name: 'Ana' } }],
      },
      131008,
      /formatted_name/,
    ],
  ])('refuses %s like Meta', async (_label, message, code, details) => {
    const t = await testPlatform();
    const sent = await request(t, 'POST', `/v23.0/${DEMO.phoneNumberId}/messages`, { body: message });
    expect(sent.status).toBe(400);
    expect(sent.body.error.code).toBe(code);
    expect(sent.body.error.error_data.details).toMatch(details);
  });
});

describe('objects by id, fields= and paging', () => {
  it('answers GET /{waba-id} and GET /{template-id}, with fields= honoured', async () => {
    const t = await testPlatform();
    const waba = await request(t, 'GET', `/v23.0/${DEMO.wabaId}`);
    expect(waba.status).toBe(200);
    expect(waba.body).toMatchObject({
      id: DEMO.wabaId,
      name: expect.any(String),
      message_template_namespace: expect.any(String),
    });
    expect((await request(t, 'GET', `/v23.0/${DEMO.wabaId}?fields=name`)).body).toEqual({
      id: DEMO.wabaId,
      name: waba.body.name,
    });

    const list = await request(t, 'GET', `/v23.0/${DEMO.wabaId}/message_templates`);
    const first = list.body.data[0];
    const template = await request(t, 'GET', `/v23.0/${first.id}`);
    expect(template.body).toEqual(first);
    expect((await request(t, 'GET', `/v23.0/${first.id}?fields=status,name`)).body).toEqual({
      id: first.id,
      status: first.status,
      name: first.name,
    });
    const number = await request(
      t,
      'GET',
      `/v23.0/${DEMO.phoneNumberId}?fields=status,quality_rating,messaging_limit_tier`,
    );
    expect(Object.keys(number.body).sort()).toEqual(['id', 'messaging_limit_tier', 'quality_rating', 'status']);
  });

  it('pages lists with limit and after, every item once', async () => {
    const t = await testPlatform();
    const all = await request(t, 'GET', `/v23.0/${DEMO.wabaId}/message_templates?limit=100`);
    expect(all.body.data.length).toBeGreaterThan(1);
    const seen: string[] = [];
    let path = `/v23.0/${DEMO.wabaId}/message_templates?limit=1&fields=name`;
    for (let pages = 0; pages < 50; pages++) {
      const page = await request(t, 'GET', path);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(1);
      for (const item of page.body.data) {
        expect(Object.keys(item).sort()).toEqual(['id', 'name']);
        seen.push(item.id);
      }
      if (!page.body.paging.next) break;
      path = `/v23.0/${DEMO.wabaId}/message_templates?limit=1&fields=name&after=${page.body.paging.cursors.after}`;
    }
    expect(seen).toEqual(all.body.data.map((item: { id: string }) => item.id));
    const bad = await request(t, 'GET', `/v23.0/${DEMO.wabaId}/message_templates?limit=0`);
    expect([bad.status, bad.body.error.code]).toEqual([400, 100]);
    const numbers = await request(t, 'GET', `/v23.0/${DEMO.wabaId}/phone_numbers?limit=1`);
    expect(numbers.body.data).toHaveLength(1);
  });
});
