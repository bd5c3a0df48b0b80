import { describe, expect, it } from 'vitest';
import sendText from '../../../shared/whatsapp/__fixtures__/send_request_text.json';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { putSim } from './records.ts';

const token = 'loro-demo-access-token';
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

async function graph(
  t: Awaited<ReturnType<typeof testPlatform>>,
  path: string,
  body?: unknown,
  auth: Record<string, string> = headers,
) {
  const response = await t.app.request(`http://platform.test/graph${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: auth,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  // biome-ignore lint/suspicious/noExplicitAny: assertions check the shape
  return { status: response.status, body: (await response.json()) as any };
}

const text = (to: string, body = 'Hello') => ({ ...sendText, to, text: { body, preview_url: false } });

describe('Graph-compatible Cloud API', () => {
  it('accepts Meta’s own send example, with and without the version segment', async () => {
    const t = await testPlatform();
    await t.customerSays('hi', '+34 612 345 678');
    for (const prefix of ['/v23.0', '']) {
      const sent = await graph(t, `${prefix}/${DEMO.phoneNumberId}/messages`, text('+34612345678'));
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({
        messaging_product: 'whatsapp',
        contacts: [{ input: '+34612345678', wa_id: '34612345678' }],
        messages: [{ id: expect.stringMatching(/^wamid\./) }],
      });
    }
  });

  it.each([
    ['a wrong token', { ...headers, authorization: 'Bearer nope' }, 401, 190],
    ['no token', { 'content-type': 'application/json' }, 401, 104],
  ])('refuses %s with Meta’s code', async (_label, auth, status, code) => {
    const t = await testPlatform();
    const response = await graph(t, `/v23.0/${DEMO.phoneNumberId}/messages`, text('+34612345678'), auth);
    expect(response.status).toBe(status);
    expect(response.body.error).toMatchObject({ code, type: 'OAuthException', fbtrace_id: expect.any(String) });
  });

  it.each([
    ['a missing field', { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } }, 131008, /to is required/],
    ['a text over 4096 characters', text('+34612345678', 'x'.repeat(4097)), 100, /text\.body must be at most 4096/],
    ['an unsupported type', { ...text('+34612345678'), type: 'hologram' }, 100, /type/],
  ])('answers %s in Meta’s error shape', async (_label, body, code, details) => {
    const t = await testPlatform();
    const response = await graph(t, `/v23.0/${DEMO.phoneNumberId}/messages`, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe(code);
    expect(response.body.error.message).toMatch(new RegExp(`^\\(#${code}\\) `));
    expect(response.body.error.error_data.details).toMatch(details);
  });

  it('refuses an unknown phone number id with code 100', async () => {
    const t = await testPlatform();
    const response = await graph(t, '/v23.0/999/messages', text('+34612345678'));
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ code: 100, type: 'GraphMethodException' });
  });

  it('reports a message outside the 24-hour window as failed with 131047', async () => {
    const t = await testPlatform();
    await t.customerSays('hi');
    t.clock.advance(25 * 60 * 60 * 1000);
    const sent = await graph(t, `/v23.0/${DEMO.phoneNumberId}/messages`, text('+34612345678'));
    expect(sent.status).toBe(200);
    const stored = t.simulatorStore.get('messages', sent.body.messages[0].id);
    expect(stored).toMatchObject({ status: 'failed', errorCode: 131047 });
  });

  it('reports a message to a number that cannot be on WhatsApp as failed with 131026', async () => {
    const t = await testPlatform();
    const sent = await graph(t, `/v23.0/${DEMO.phoneNumberId}/messages`, text('+1000000000'));
    expect(sent.status).toBe(200);
    expect(t.simulatorStore.get('messages', sent.body.messages[0].id)).toMatchObject({
      status: 'failed',
      errorCode: 131026,
    });
  });

  it('lists the account’s templates', async () => {
    const t = await testPlatform();
    const response = await graph(t, `/v23.0/${DEMO.wabaId}/message_templates`);
    expect(response.body.data).toEqual([
      expect.objectContaining({ name: 'order_update', status: 'APPROVED', category: 'UTILITY', language: 'en_US' }),
      expect.objectContaining({
        name: 'satisfaction_survey',
        status: 'APPROVED',
        category: 'UTILITY',
        language: 'en_US',
      }),
    ]);
  });

  describe('templates', () => {
    const template = (name: string, language: string, values: string[]) => ({
      messaging_product: 'whatsapp',
      to: '+34612345678',
      type: 'template',
      template: {
        name,
        language: { code: language },
        components: [{ type: 'body', parameters: values.map((text) => ({ type: 'text', text })) }],
      },
    });

    it('sends an approved template, filled, even outside the 24-hour window (TP-4)', async () => {
      const t = await testPlatform();
      // The customer wrote a day ago: the window is closed, but they may be contacted (CH-6).
      await t.customerSays('hola', '+34 612 345 678');
      t.clock.advance(25 * 60 * 60_000);
      const sent = await graph(
        t,
        `/v23.0/${DEMO.phoneNumberId}/messages`,
        template('order_update', 'en_US', ['María', 'A-1042']),
      );
      expect(sent.status).toBe(200);
      const stored = t.simulatorStore.get('messages', sent.body.messages[0].id);
      expect(stored).toMatchObject({
        type: 'template',
        text: 'Hello María, your order A-1042 has shipped.',
        status: 'delivered',
      });
    });

    it.each([
      ['an unknown template', template('nope', 'en_US', []), 404, 132001],
      ['a language the template does not have', template('order_update', 'es', ['a', 'b']), 404, 132001],
      ['too few parameters', template('order_update', 'en_US', ['María']), 400, 132000],
    ])('refuses %s with Meta’s code', async (_label, body, status, code) => {
      const t = await testPlatform();
      const response = await graph(t, `/v23.0/${DEMO.phoneNumberId}/messages`, body);
      expect([response.status, response.body.error.code]).toEqual([status, code]);
    });

    it.each([
      ['PAUSED', 132015],
      ['DISABLED', 132016],
    ] as const)('refuses a %s template with %i', async (status, code) => {
      const t = await testPlatform();
      const stored = t.simulatorStore.get('templates', DEMO.templateId);
      if (!stored) throw new Error('no demo template');
      await t.simulatorStore.commit([putSim('templates', { ...stored, status })]);
      const response = await graph(
        t,
        `/v23.0/${DEMO.phoneNumberId}/messages`,
        template('order_update', 'en_US', ['a', 'b']),
      );
      expect(response.body.error.code).toBe(code);
    });
  });
});
