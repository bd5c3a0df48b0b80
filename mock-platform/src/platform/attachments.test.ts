import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { pngOfSize } from '../testing/images.ts';

const MB = 1024 * 1024;
const CUSTOMER = '+34 612 345 678';
const CUSTOMER_WA_ID = '34612345678';

/** The demo platform with Ana holding a conversation with the customer. */
async function withConversation() {
  const t = await testPlatform();
  const ana = await t.login('ana', 'loro-agent');
  await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
  await t.customerSays('Hola, os mando la factura', CUSTOMER, 'María García');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
  const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
  const upload = async (
    file: { bytes: Uint8Array; type: string; name: string } | undefined,
    { caption, token = ana, id = conversation.id }: { caption?: string; token?: string; id?: string } = {},
  ) => {
    const form = new FormData();
    if (file) form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    if (caption !== undefined) form.set('caption', caption);
    const response = await t.app.request(`http://platform.test/api/conversations/${id}/media`, {
      method: 'POST',
      body: form,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    // biome-ignore lint/suspicious/noExplicitAny: test helper, assertions check the shape
    return { status: response.status, body: (await response.json()) as any };
  };
  const phone = () => t.simulator.thread(DEMO.phoneNumberId, CUSTOMER_WA_ID);
  const transcript = async (token = ana) =>
    (await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token })).body;
  return { t, ana, conversation, upload, phone, transcript };
}

describe('the agent sends attachments (upload to the Cloud API, then send by media id)', () => {
  it('uploads an image to the number’s media and sends it with its caption: the customer’s phone has it', async () => {
    const { t, ana, conversation, upload, phone, transcript } = await withConversation();
    const png = pngOfSize(64, 64);
    const sent = await upload({ bytes: png, type: 'image/png', name: 'plano.png' }, { caption: 'Aquí tiene el plano' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      direction: 'outbound',
      text: 'Aquí tiene el plano',
      media: { kind: 'image', mimeType: 'image/png' },
    });
    expect(sent.body.wamid).toBeTruthy();

    const onPhone = phone().at(-1);
    expect(onPhone).toMatchObject({
      direction: 'outbound',
      type: 'image',
      text: 'Aquí tiene el plano',
      payload: { id: sent.body.media.id, caption: 'Aquí tiene el plano' },
    });
    expect(Buffer.from(t.simulator.media.bytes(sent.body.media.id) ?? []).equals(Buffer.from(png))).toBe(true);
    await t.webhooks.idle();
    const [, reply] = await transcript();
    expect(reply).toMatchObject({ id: sent.body.id, status: 'delivered', media: { id: sent.body.media.id } });

    // The agent's transcript loads it through the platform, like a customer's photo.
    const bytes = await t.app.request(
      `http://platform.test/api/conversations/${conversation.id}/media/${sent.body.media.id}`,
      {
        headers: { authorization: `Bearer ${ana}` },
      },
    );
    expect(bytes.status).toBe(200);
    expect(Buffer.from(await bytes.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
  });

  it('sends a document with its file name, and a 17 MB one too (above the old 16 MB Graph body limit)', async () => {
    const { upload, phone } = await withConversation();
    const pdf = new TextEncoder().encode('%PDF-1.4 factura');
    const sent = await upload({ bytes: pdf, type: 'application/pdf', name: 'C:\\fakepath\\factura-123.pdf' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ text: '', media: { kind: 'document', filename: 'factura-123.pdf' } });
    expect(phone().at(-1)).toMatchObject({ type: 'document', payload: { filename: 'factura-123.pdf' } });

    const big = await upload({ bytes: new Uint8Array(17 * MB).fill(65), type: 'application/pdf', name: 'manual.pdf' });
    expect(big.status).toBe(201);
    expect(phone().at(-1)).toMatchObject({ type: 'document', payload: { filename: 'manual.pdf' } });
  });

  it.each([
    [
      'a type WhatsApp does not take',
      { bytes: new Uint8Array(10), type: 'text/html', name: 'page.html' },
      415,
      'text/html',
    ],
    ['an image above 5 MB', { bytes: new Uint8Array(5 * MB + 1), type: 'image/png', name: 'big.png' }, 413, '5 MB'],
    [
      'a sticker above 500 KB',
      { bytes: new Uint8Array(500 * 1024 + 1), type: 'image/webp', name: 's.webp' },
      413,
      '500 KB',
    ],
    ['an empty file', { bytes: new Uint8Array(0), type: 'application/pdf', name: 'empty.pdf' }, 400, 'empty'],
  ])('refuses %s, naming the file field and the rule, and sends nothing', async (_, file, status, rule) => {
    const { upload, phone, transcript } = await withConversation();
    const before = phone().length;
    const refused = await upload(file);
    expect(refused.status).toBe(status);
    expect(refused.body.error.issues[0]).toMatchObject({ path: 'file' });
    expect(refused.body.error.issues[0].message).toContain(rule);
    expect(phone()).toHaveLength(before);
    expect(await transcript()).toHaveLength(1);
  });

  it('refuses a missing file and a caption on audio, naming the field', async () => {
    const { upload } = await withConversation();
    const missing = await upload(undefined, { caption: 'sin archivo' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.issues[0].path).toBe('file');
    const audio = await upload(
      { bytes: new Uint8Array(100), type: 'audio/ogg', name: 'nota.ogg' },
      { caption: 'hola' },
    );
    expect(audio.status).toBe(400);
    expect(audio.body.error.issues[0].path).toBe('caption');
  });

  it('lets only the agent who owns the conversation send, within the 24-hour window', async () => {
    const { t, upload, phone } = await withConversation();
    const file = { bytes: pngOfSize(8, 8), type: 'image/png', name: 'a.png' };
    expect((await upload(file, { token: '' })).status).toBe(401);
    const bruno = await t.login('bruno', 'loro-agent');
    expect((await upload(file, { token: bruno })).status).toBe(404);
    const admin = await t.login('admin', 'loro-admin');
    expect((await upload(file, { token: admin })).status).toBe(403);
    const before = phone().length;
    t.clock.advance(25 * 60 * 60_000);
    // Her session expired meanwhile too: she signs in again.
    const late = await upload(file, { token: await t.login('ana', 'loro-agent') });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('window_closed');
    expect(phone()).toHaveLength(before);
  });
});

describe('customers’ attachments in the transcript', () => {
  it('keeps each kind: voice notes, videos, stickers, documents, places, contact cards and reactions', async () => {
    const { t, ana, transcript } = await withConversation();
    const say = async (body: Record<string, unknown>) => {
      const sent = await t.call('POST', '/simulator/api/messages', {
        body: { phoneNumberId: DEMO.phoneNumberId, from: CUSTOMER, name: 'María García', ...body },
      });
      expect(sent.status, JSON.stringify(sent.body)).toBe(201);
      await t.webhooks.idle();
      return sent.body;
    };
    const data = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    await say({ media: { data: data(new Uint8Array(50)), mimeType: 'audio/ogg', voice: true } });
    await say({ media: { data: data(new Uint8Array(50)), mimeType: 'video/mp4', caption: 'mira' } });
    await say({ media: { data: data(webp()), mimeType: 'image/webp' } });
    const doc = await say({
      media: { data: data(new Uint8Array(50)), mimeType: 'application/pdf', filename: 'contrato.pdf' },
    });
    await say({ location: { latitude: 40.4168, longitude: -3.7038, name: 'Oficina', address: 'Puerta del Sol 1' } });
    await say({ contacts: [{ name: 'Pedro', phones: ['+34 699 111 222'] }] });
    await say({ reaction: { messageId: doc.id, emoji: '👍' } });

    const messages = await transcript();
    const [, voice, video, sticker, document, place, card, reaction] = messages;
    expect(voice.media).toMatchObject({ kind: 'audio', mimeType: 'audio/ogg', voice: true });
    expect(video).toMatchObject({ text: 'mira', media: { kind: 'video' } });
    expect(sticker.media).toMatchObject({ kind: 'sticker', mimeType: 'image/webp' });
    expect(document.media).toMatchObject({ kind: 'document', filename: 'contrato.pdf' });
    expect(place.location).toEqual({
      latitude: 40.4168,
      longitude: -3.7038,
      name: 'Oficina',
      address: 'Puerta del Sol 1',
    });
    expect(card.contacts).toEqual([{ name: 'Pedro', phones: ['+34 699 111 222'] }]);
    expect(reaction.reaction).toEqual({ messageId: document.id, emoji: '👍' });

    const file = await t.app.request(
      `http://platform.test/api/conversations/${document.conversationId}/media/${document.media.id}`,
      { headers: { authorization: `Bearer ${ana}` } },
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
  });

  it('masks captions, file names, places and contact numbers while masking is on (the customer still gets the real ones)', async () => {
    const { t, upload, phone, transcript } = await withConversation();
    const admin = await t.login('admin', 'loro-admin');
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    const say = async (body: Record<string, unknown>) => {
      await t.call('POST', '/simulator/api/messages', {
        body: { phoneNumberId: DEMO.phoneNumberId, from: CUSTOMER, name: 'María García', ...body },
      });
      await t.webhooks.idle();
    };
    const data = Buffer.from('%PDF').toString('base64');
    await say({
      media: {
        data,
        mimeType: 'application/pdf',
        filename: 'dni 612 34 56 78.pdf',
        caption: 'mi correo maria@gmail.com',
      },
    });
    await say({ media: { data, mimeType: 'application/pdf', filename: 'tel 612 34 56 78.pdf' } });
    await say({ location: { latitude: 1, longitude: 2, name: 'Casa 612 34 56 78', address: 'maria@gmail.com' } });
    await say({ contacts: [{ name: 'Pedro', phones: ['+34 699 111 222', '699111222'] }] });
    const sent = await upload(
      { bytes: new TextEncoder().encode('%PDF'), type: 'application/pdf', name: 'para 612 34 56 78.pdf' },
      { caption: 'Escríbanos a maria@gmail.com' },
    );
    expect(sent.status).toBe(201);

    const seen = JSON.stringify([sent.body, await transcript()]);
    for (const secret of ['612 34 56 78', 'maria@gmail.com', '699 111 222', '699111222']) {
      expect(seen, secret).not.toContain(secret);
    }
    expect(seen).toContain('5678.pdf');
    // WhatsApp gets the agent's real words and file name.
    expect(phone().at(-1)).toMatchObject({
      text: 'Escríbanos a maria@gmail.com',
      payload: { filename: 'para 612 34 56 78.pdf' },
    });
  });
});

/** The smallest RIFF/WEBP header the simulator's sniffing accepts. */
function webp(): Uint8Array {
  const bytes = new Uint8Array(30);
  bytes.set(new TextEncoder().encode('RIFF'), 0);
  bytes.set(new TextEncoder().encode('WEBP'), 8);
  return bytes;
}
