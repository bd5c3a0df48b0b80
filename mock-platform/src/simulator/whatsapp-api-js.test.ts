import { describe, expect, it } from 'vitest';
import { WhatsAppAPI } from 'whatsapp-api-js';
import { BodyComponent, BodyParameter, Image, Language, Template, Text } from 'whatsapp-api-js/messages';
import { DEMO } from '../seed/demo-tenant.ts';
import { memoryJournal } from '../store/journal-files.ts';
import { JournalStore } from '../store/journal-store.ts';
import { testPlatform } from '../testing/harness.ts';
import { pngOfSize } from '../testing/images.ts';
import { type SimulatorSchema, simulatorIndexes, simulatorSchemas, threadKey } from './records.ts';
import { WebhookDelivery } from './webhook-delivery.ts';
import { inboundMessageWebhook } from './webhook-payloads.ts';

/**
 * The unmodified npm client `whatsapp-api-js` against the simulator, pointed at it the way the
 * reference says (a fetch ponyfill rewriting Meta's host), and as a webhook receiver checking
 * what the simulator sends.
 */
/** The client's answers are unions with its error type: these read the success fields. */
const wamid = (response: unknown) =>
  (response as { messages?: { id: string }[] }).messages?.[0]?.id ?? JSON.stringify(response);
const idOf = (response: unknown) => (response as { id?: string }).id ?? JSON.stringify(response);

describe('whatsapp-api-js against the simulator', () => {
  async function client() {
    const t = await testPlatform();
    const wa = new WhatsAppAPI({
      token: t.config.WHATSAPP_TOKEN,
      appSecret: t.config.WHATSAPP_APP_SECRET,
      webhookVerifyToken: t.config.WHATSAPP_VERIFY_TOKEN,
      v: 'v23.0',
      ponyfill: {
        fetch: (url: RequestInfo | URL, init?: RequestInit) =>
          t.app.request(String(url).replace('https://graph.facebook.com', 'http://platform.test/graph'), init),
      } as never,
    });
    return { t, wa };
  }

  it('sends text, a template and images (by link and uploaded), and marks a message read', async () => {
    const { t, wa } = await client();
    await t.customerSays('¡Hola! ¿Tienen envío a Canarias?', '+34 612 345 678');
    const inbound = t.simulatorStore.all('messages').find((m) => m.direction === 'inbound');

    const text = await wa.sendMessage(DEMO.phoneNumberId, '34612345678', new Text('Sí, ¡claro! 🚚'));
    expect(wamid(text)).toMatch(/^wamid\./);

    const template = await wa.sendMessage(
      DEMO.phoneNumberId,
      '34612345678',
      new Template(
        'order_update',
        new Language('en_US'),
        new BodyComponent(new BodyParameter('María'), new BodyParameter('A-1042')),
      ),
    );
    expect(wamid(template)).toMatch(/^wamid\./);

    const byLink = await wa.sendMessage(
      DEMO.phoneNumberId,
      '34612345678',
      new Image('https://example.com/map.png', false, 'Nuestra tienda'),
    );
    expect(wamid(byLink)).toMatch(/^wamid\./);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pngOfSize(64, 64))], { type: 'image/png' }), 'label.png');
    form.append('type', 'image/png');
    form.append('messaging_product', 'whatsapp');
    const uploaded = await wa.uploadMedia(DEMO.phoneNumberId, form, false);
    expect(idOf(uploaded)).toMatch(/^\d+$/);
    const retrieved = await wa.retrieveMedia(idOf(uploaded));
    expect(retrieved).toMatchObject({ mime_type: 'image/png', id: idOf(uploaded) });
    const byId = await wa.sendMessage(DEMO.phoneNumberId, '34612345678', new Image(idOf(uploaded), true, 'Etiqueta'));
    expect(wamid(byId)).toMatch(/^wamid\./);

    expect(await wa.markAsRead(DEMO.phoneNumberId, inbound?.id ?? '')).toEqual({ success: true });

    const thread = t.simulatorStore.where('messages', 'thread', threadKey(DEMO.phoneNumberId, '34612345678'));
    expect(thread.filter((m) => m.direction === 'outbound').map((m) => m.text)).toEqual([
      'Sí, ¡claro! 🚚',
      'Hello María, your order A-1042 has shipped.',
      'Nuestra tienda',
      'Etiqueta',
    ]);
  });

  it('its webhook receiver accepts the simulator’s signed webhooks (non-ASCII escaped) and answers the handshake', async () => {
    const { t, wa } = await client();
    const received: { from: string; text: string }[] = [];
    wa.on.message = ({ from, message }) => {
      received.push({ from, text: message.type === 'text' ? message.text.body : message.type });
    };
    // The simulator's delivery, pointed at a receiver built with the client library.
    const receiver = async (url: string, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'GET') {
        const params = Object.fromEntries(new URL(url).searchParams);
        try {
          return new Response(wa.get(params as never), { status: 200 });
        } catch {
          return new Response('forbidden', { status: 403 });
        }
      }
      const raw = String(init?.body);
      const signature = new Headers(init?.headers).get('x-hub-signature-256') ?? '';
      // Meta escapes every non-ASCII character as \\uXXXX.
      expect([...raw].every((char) => char.charCodeAt(0) < 128)).toBe(true);
      await wa.post(JSON.parse(raw), raw, signature);
      return new Response('ok', { status: 200 });
    };
    const delivery = new WebhookDelivery({
      url: 'https://receiver.test/webhook',
      appSecret: t.config.WHATSAPP_APP_SECRET,
      store: await JournalStore.open<SimulatorSchema>({
        files: memoryJournal(),
        indexes: simulatorIndexes,
        schemas: simulatorSchemas,
      }),
      clock: t.clock,
      fetch: receiver,
      backoff: [],
    });
    expect(await delivery.verify(t.config.WHATSAPP_VERIFY_TOKEN)).toEqual({ verified: true });
    expect((await delivery.verify('wrong-token')).verified).toBe(false);

    const phone = t.simulatorStore.get('phoneNumbers', DEMO.phoneNumberId);
    if (!phone) throw new Error('no demo number');
    await t.customerSays('¡Hola, José! ¿Qué tal? 👋', '+34 612 345 678', 'José Núñez');
    const message = t.simulatorStore.all('messages').find((m) => m.direction === 'inbound');
    if (!message) throw new Error('no inbound message');
    delivery.enqueue(inboundMessageWebhook(phone, message));
    await delivery.idle();
    expect(received).toEqual([{ from: '34612345678', text: '¡Hola, José! ¿Qué tal? 👋' }]);
  });
});
