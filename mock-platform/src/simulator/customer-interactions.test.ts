import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { pngOfSize } from '../testing/images.ts';

const headers = { authorization: 'Bearer loro-demo-access-token', 'content-type': 'application/json' };

describe('the customer simulator produces every kind of inbound message the platform receives', () => {
  it('sends a photo (downloadable by the business) and taps buttons and list rows of interactive messages', async () => {
    const t = await testPlatform();
    const customer = (body: Record<string, unknown>) =>
      t.call('POST', '/simulator/api/messages', {
        body: { phoneNumberId: DEMO.phoneNumberId, from: '+34 612 345 678', name: 'María', ...body },
      });
    const photo = await customer({
      image: {
        data: Buffer.from(pngOfSize(32, 32)).toString('base64'),
        mimeType: 'image/png',
        caption: 'El paquete llegó roto',
      },
    });
    expect(photo.status).toBe(201);
    await t.webhooks.idle();
    const stored = t.store.get('messages', photo.body.id);
    expect(stored).toMatchObject({ type: 'image', text: 'El paquete llegó roto' });
    // The business downloads the customer's photo through the Cloud API.
    const info = await (
      await t.app.request(`http://platform.test/graph/v23.0/${photo.body.payload.id}`, { headers })
    ).json();
    expect(info).toMatchObject({ mime_type: 'image/png', file_size: 33 });

    const ask = async (interactive: unknown) => {
      const response = await t.app.request(`http://platform.test/graph/v23.0/${DEMO.phoneNumberId}/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ messaging_product: 'whatsapp', to: '+34612345678', type: 'interactive', interactive }),
      });
      return (await response.json()).messages[0].id as string;
    };
    const buttons = await ask({
      type: 'button',
      body: { text: '¿Quiere un reembolso o un cambio?' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'refund', title: 'Reembolso' } },
          { type: 'reply', reply: { id: 'swap', title: 'Cambio' } },
        ],
      },
    });
    const tapped = await customer({ choice: { messageId: buttons, optionId: 'swap' } });
    await t.webhooks.idle();
    expect(t.store.get('messages', tapped.body.id)).toMatchObject({ type: 'interactive', text: 'Cambio' });

    const list = await ask({
      type: 'list',
      body: { text: 'Elija una hora' },
      action: {
        button: 'Horas',
        sections: [{ title: 'Lunes', rows: [{ id: 'mon-10', title: '10:00', description: 'En tienda' }] }],
      },
    });
    const picked = await customer({ choice: { messageId: list, optionId: 'mon-10' } });
    await t.webhooks.idle();
    expect(t.store.get('messages', picked.body.id)).toMatchObject({ type: 'interactive', text: '10:00' });

    const wrong = await customer({ choice: { messageId: list, optionId: 'nope' } });
    expect(wrong.body.error.issues).toEqual([{ path: 'choice.optionId', message: 'is not an option of that message' }]);
    const both = await customer({ text: 'hola', choice: { messageId: list, optionId: 'mon-10' } });
    expect(both.body.error.issues).toEqual([
      { path: 'text', message: 'send exactly one of text, image, media, location, contacts, reaction or choice' },
    ]);
  });
});
