import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { pngOfSize } from '../testing/images.ts';

describe('customers’ photos in the transcript', () => {
  it('stores the media id and serves the photo to the agents of the conversation only', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    const png = pngOfSize(48, 48);
    const sent = await t.call('POST', '/simulator/api/messages', {
      body: {
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María',
        image: { data: Buffer.from(png).toString('base64'), mimeType: 'image/png' },
      },
    });
    await t.webhooks.idle();
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const [message] = (await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token: ana })).body;
    expect(message).toMatchObject({ text: '[image]', media: { id: sent.body.payload.id, mimeType: 'image/png' } });

    const photo = await t.app.request(
      `http://platform.test/api/conversations/${conversation.id}/media/${message.media.id}`,
      {
        headers: { authorization: `Bearer ${ana}` },
      },
    );
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(Buffer.from(png))).toBe(true);

    const other = await t.app.request(
      `http://platform.test/api/conversations/${conversation.id}/media/${message.media.id}`,
      {
        headers: { authorization: `Bearer ${bruno}` },
      },
    );
    expect(other.status).toBe(404);
    const unrelated = await t.app.request(
      `http://platform.test/api/conversations/${conversation.id}/media/123456789012345`,
      {
        headers: { authorization: `Bearer ${ana}` },
      },
    );
    expect(unrelated.status).toBe(404);
  });
});
