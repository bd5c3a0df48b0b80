import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { pngOfSize } from '../testing/images.ts';

describe('media of a past conversation (read-only transcript, issue 16 item 4)', () => {
  it('serves the photos of an ended conversation to whoever may read it, and nothing else', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    const png = pngOfSize(32, 32);
    await t.call('POST', '/simulator/api/messages', {
      body: {
        phoneNumberId: DEMO.phoneNumberId,
        from: '+34 612 345 678',
        name: 'María',
        image: { data: Buffer.from(png).toString('base64'), mimeType: 'image/png' },
      },
    });
    await t.webhooks.idle();
    await t.ctx.routing.idle();
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const url = (mediaId: string) => `http://platform.test/api/past-conversations/${conversation.id}/media/${mediaId}`;
    const get = (token: string, mediaId: string) =>
      t.app.request(url(mediaId), { headers: { authorization: `Bearer ${token}` } });

    const [message] = (await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token: ana })).body;
    // Still active: not a past conversation.
    expect((await get(ana, message.media.id)).status).toBe(404);

    await t.call('POST', `/api/conversations/${conversation.id}/end`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved' },
    });
    const past = (await t.call('GET', `/api/past-conversations/${conversation.id}`, { token: ana })).body;
    expect(past.messages[0].media).toMatchObject({ id: message.media.id, mimeType: 'image/png' });

    const photo = await get(ana, message.media.id);
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    // Bruno never served this customer; an id the conversation does not carry is not served.
    expect((await get(bruno, message.media.id)).status).toBe(404);
    expect((await get(ana, '123456789012345')).status).toBe(404);
    expect((await t.app.request(url(message.media.id))).status).toBe(401);
  });
});
