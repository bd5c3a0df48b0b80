import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { approvedTemplateFor } from '../testing/template-for.ts';
import { putSim } from './records.ts';

/**
 * Every request example of `POST /{Phone-Number-ID}/messages` in Meta's OpenAPI file (copied by
 * `scripts/extract-openapi-send-examples.ts`), with its placeholders filled as an integrator would
 * fill them: each is answered like Meta, accepted, unless listed in EXCEPTIONS with the code the
 * simulator gives and why.
 */
const examples = Object.entries(
  JSON.parse(
    readFileSync(new URL('../../../shared/whatsapp/__fixtures__/openapi-send-examples.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>,
);

/** Examples the simulator refuses on purpose: [code, why]. */
const EXCEPTIONS: Record<string, [number, string]> = {
  'Send Order Details Message': [100, 'payments (review_and_pay, India and Brazil) are not simulated'],
  'Send Order Status Message': [100, 'payments (review_order, India and Brazil) are not simulated'],
  'Send Reply to List Message': [
    131008,
    'the example has no "type": Meta then reads a text message, whose text is missing',
  ],
  'Send Sample Issue Resolution Template': [
    131008,
    'its quick-reply buttons give "text": true / false, not a string (nor the payload such buttons take)',
  ],
};

const auth = { authorization: 'Bearer loro-demo-access-token' };
const MEDIA: Record<string, [string, Uint8Array]> = {
  IMAGE: [
    'image/png',
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    ),
  ],
  DOCUMENT: ['application/pdf', Buffer.from('%PDF-1.4\n')],
  AUDIO: ['audio/ogg', Buffer.from('OggS\0')],
  VIDEO: ['video/mp4', Buffer.from('\0\0\0\x18ftypmp42')],
  MEDIA: ['image/webp', Buffer.from('RIFF\x1a\0\0\0WEBPVP8 ', 'latin1')],
};

describe('every send example in Meta’s OpenAPI file is answered like Meta', () => {
  it('has them all', () => expect(examples.length).toBeGreaterThanOrEqual(50));

  it.each(examples)('%s', async (name, example) => {
    const t = await testPlatform();
    // The customer writes first (the simulator's consent rule), from the number the example sends to.
    const to = (example as { to?: string }).to ?? '';
    const customer = /^\+?\d+$/.test(to) ? `+${to.replace('+', '')}` : '+34 612 345 678';
    await t.customerSays('hola', customer);
    const inbound = t.simulatorStore.all('messages').find((m) => m.direction === 'inbound');
    let body = JSON.stringify(example)
      .replaceAll(/\{\{Recipient-(WA-)?Phone-Number\}\}/g, '+34612345678')
      .replaceAll(/<?http\(s\):\/\/([a-z-]+)>?/g, 'https://example.com/$1')
      .replaceAll(/"<MSGID_[A-Z_]+>"|"wamid\.[^"]*"/g, JSON.stringify(inbound?.id))
      .replaceAll('<HEADER_TYPE>', 'text')
      .replaceAll(/"<TEMPLATE_NAME>"|"template-name"/g, '"fixture_template"')
      .replaceAll('language-and-locale-code', 'en_US');
    for (const [kind, [type, bytes]] of Object.entries(MEDIA)) {
      const placeholder = `<${kind}_OBJECT_ID>`;
      if (!body.includes(placeholder)) continue;
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', type);
      form.set('file', new File([new Uint8Array(bytes)], 'file', { type }));
      const uploaded = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/media`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      const { id } = (await uploaded.json()) as { id: string };
      body = body.replaceAll(placeholder, id);
    }
    const request = JSON.parse(body);
    if (request.type === 'template') await t.simulatorStore.commit([putSim('templates', approvedTemplateFor(request))]);

    const response = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    const answer = await response.json();
    const exception = EXCEPTIONS[name];
    if (exception) {
      expect(answer.error?.code, JSON.stringify(answer)).toBe(exception[0]);
      return;
    }
    expect(response.status, JSON.stringify(answer)).toBe(200);
    expect(answer).toEqual(
      request.status === 'read'
        ? { success: true }
        : {
            messaging_product: 'whatsapp',
            contacts: [{ input: request.to, wa_id: String(request.to).replace(/\D/g, '') }],
            messages: [{ id: expect.stringMatching(/^wamid\./) }],
          },
    );
  });
});
