import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { whatsappFixtures } from '../testing/fixtures.ts';
import { testPlatform } from '../testing/harness.ts';
import { approvedTemplateFor } from '../testing/template-for.ts';
import { putSim } from './records.ts';

const examples = whatsappFixtures('send_request_');
const auth = { authorization: 'Bearer loro-demo-access-token' };
/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function upload(t: Awaited<ReturnType<typeof testPlatform>>, bytes: Uint8Array, type: string, name: string) {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', type);
  form.set('file', new File([new Uint8Array(bytes)], name, { type }));
  const response = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/media`, {
    method: 'POST',
    headers: auth,
    body: form,
  });
  return { status: response.status, body: await response.json() };
}

describe('the simulator answers every one of Meta’s send examples in Meta’s success shape', () => {
  it('has the examples', () => expect(examples.length).toBeGreaterThanOrEqual(13));

  it.each(examples)('%s', async (_name, raw) => {
    const t = await testPlatform();
    await t.customerSays('hola', '+34 612 345 678');
    const inbound = t.simulatorStore.all('messages').find((m) => m.direction === 'inbound');
    const image = await upload(t, PNG, 'image/png', 'cat.png');
    const pdf = await upload(t, Buffer.from('%PDF-1.4\n%…'), 'application/pdf', 'invoice.pdf');
    // Fill Meta's placeholders with things that exist here.
    const body = raw
      .replaceAll('{{Recipient-Phone-Number}}', '+34612345678')
      .replaceAll('<IMAGE_OBJECT_ID>', image.body.id)
      .replaceAll('<DOCUMENT_OBJECT_ID>', pdf.body.id)
      .replaceAll('http(s)://image-url', 'https://example.com/cat.png')
      .replaceAll('http(s)://the-image-url', 'https://example.com/cat.png')
      .replaceAll('"template-name"', '"fixture_template"')
      .replaceAll('language-and-locale-code', 'en_US')
      .replace(/"wamid\.[^"]*"|"<MSGID_OF_PREV_MSG>"/g, JSON.stringify(inbound?.id));
    // An approved template shaped like the one each example is written for.
    await t.simulatorStore.commit([putSim('templates', approvedTemplateFor(JSON.parse(body)))]);
    const response = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    const answer = await response.json();
    expect(response.status, JSON.stringify(answer)).toBe(200);
    if (JSON.parse(body).status === 'read') {
      expect(answer).toEqual({ success: true });
      return;
    }
    expect(answer).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+34612345678', wa_id: '34612345678' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    const stored = t.simulatorStore.get('messages', answer.messages[0].id);
    expect(stored).toMatchObject({ direction: 'outbound', customerWaId: '34612345678', status: 'delivered' });
  });
});

describe('media on the Cloud API simulator', () => {
  it('uploads, describes, downloads and deletes media; refuses wrong types and lying bytes', async () => {
    const t = await testPlatform();
    const uploaded = await upload(t, PNG, 'image/png', 'cat.png');
    expect(uploaded).toEqual({ status: 200, body: { id: expect.stringMatching(/^\d{15}$/) } });
    const info = await (
      await t.app.request(`http://platform.test/graph/v23.0/${uploaded.body.id}`, { headers: auth })
    ).json();
    expect(info).toMatchObject({
      messaging_product: 'whatsapp',
      mime_type: 'image/png',
      file_size: PNG.length,
      id: uploaded.body.id,
    });
    const download = await t.app.request(info.url, { headers: auth });
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await t.app.request(info.url)).status).toBe(401);

    const lying = await upload(t, Buffer.from('not really a png'), 'image/png', 'x.png');
    expect([lying.status, lying.body.error.code, lying.body.error.error_data.details]).toEqual([
      400,
      131053,
      'Media upload error: the file is not a image/png image',
    ]);
    const exe = await upload(t, Buffer.from('MZ'), 'application/x-msdownload', 'x.exe');
    expect(exe.body.error.code).toBe(131053);

    const removed = await t.app.request(`http://platform.test/graph/v23.0/${uploaded.body.id}`, {
      method: 'DELETE',
      headers: auth,
    });
    expect(await removed.json()).toEqual({ success: true });
    expect((await t.app.request(info.url, { headers: auth })).status).toBe(404);
  });

  it('refuses an unknown media id, a reaction to a message not in the chat, and an interactive message over Meta’s limits', async () => {
    const t = await testPlatform();
    await t.customerSays('hola', '+34 612 345 678');
    const send = async (message: unknown) => {
      const response = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ messaging_product: 'whatsapp', to: '+34612345678', ...(message as object) }),
      });
      return { status: response.status, error: (await response.json()).error };
    };
    expect((await send({ type: 'image', image: { id: '123456789012345' } })).error.code).toBe(131009);
    expect((await send({ type: 'reaction', reaction: { message_id: 'wamid.nope', emoji: '👍' } })).error.code).toBe(
      131009,
    );
    const buttons = [1, 2, 3, 4].map((n) => ({ type: 'reply', reply: { id: `b${n}`, title: `Option ${n}` } }));
    const tooMany = await send({
      type: 'interactive',
      interactive: { type: 'button', body: { text: 'Pick' }, action: { buttons } },
    });
    expect([tooMany.status, tooMany.error.code, tooMany.error.error_data.details]).toEqual([
      400,
      100,
      'Invalid parameter interactive.action.buttons: at most 3 buttons',
    ]);
    const both = await send({ type: 'image', image: { id: '1', link: 'https://example.com/a.png' } });
    expect(both.error.error_data.details).toBe('Invalid parameter image: give exactly one of id or link');
  });
});
