import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

// A British customer on the American demo channel writes numbers of other countries: none of
// them is the customer's or the channel's region, so only "any region" reading catches them.
const customer = { from: '+44 7966 197542', name: '+44 7966 197542' };
const secrets = {
  customerNumber: ['447966197542', '7966197542', '7966 197542'],
  spanishMobile: ['612 34 56 78', '612345678'],
  mexicanMobile: ['55 1234 5678', '1234 5678', '12345678'],
  brazilianMobile: ['91234-5678', '912345678'],
  unassignedInternational: ['(123) 456', '456 7890', '4567890'],
  germanMobile: ['0151 23456789', '23456789'],
  indianMobile: ['98765 43210', '9876543210'],
  britishLandline: ['020 7946 0958', '7946 0958', '79460958'],
  email: ['melissa@gmail.com', 'melissa'],
  businessNumber: ['16145551234', '6145551234', '614 555 1234', '5551234'],
};
const customerText =
  'Mi móvil 612 34 56 78, el de mi hermano 55 1234 5678, oficina (11) 91234-5678, ' +
  'antiguo + 1 (123) 456 7890, Berlín 0151 23456789, Delhi 98765 43210, Londres 020 7946 0958, ' +
  'correo melissa@gmail.com. Pedido 2024-01-15 a las 10:30, total 149.99 EUR';

function expectNothingInClear(seen: string) {
  for (const [kind, forms] of Object.entries(secrets)) {
    for (const form of forms) expect(seen, `${kind} reached the agent as ${form}`).not.toContain(form);
  }
}

describe('every string that reaches the agent goes through the masker (AG-6, AG-7)', () => {
  it('masks every agent-facing route and event, the AG-4 alert and refusals included', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    const ana = await t.login('ana', 'loro-agent');
    const stream = await t.listen(ana);
    const bodies: unknown[] = [];
    const record = async (method: string, url: string, body?: unknown) => {
      const response = await t.call(method, url, { token: ana, ...(body ? { body } : {}) });
      bodies.push(response.body);
      return response;
    };

    await record('PUT', '/api/agent/state', { state: 'available' });
    await t.customerSays(customerText, customer.from, customer.name);
    const offers = await record('GET', '/api/agent/offers');
    const offerId = (offers.body as { id: string }[])[0]?.id;
    const accepted = await record('POST', `/api/offers/${offerId}/accept`);
    const id = (accepted.body as { id: string }).id;
    await record('POST', `/api/conversations/${id}/messages`, { text: 'Anoto 612 34 56 78 y melissa@gmail.com' });
    await t.webhooks.idle();
    for (const url of [
      '/api/me',
      '/api/conversations',
      `/api/conversations/${id}`,
      `/api/conversations/${id}/messages`,
      '/api/transfer-targets',
      '/api/channels',
      '/api/closure-reasons',
      '/api/wrap-ups',
      '/api/history',
      '/api/history?search=melissa',
    ]) {
      await record('GET', url);
    }

    // The administrator deletes the channel (AG-4): the alert names it and its number.
    expect((await t.call('DELETE', `/api/admin/channels/${DEMO.channelId}`, { token: admin })).status).toBe(200);
    const interrupted = await record('GET', `/api/conversations/${id}`);
    expect((interrupted.body as { interrupted: string }).interrupted).toContain('(********1234)');
    const refused = await record('POST', `/api/conversations/${id}/messages`, { text: 'hola' });
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toContain('********1234');
    await record('GET', `/api/conversations/${id}/messages`);
    await record('POST', `/api/conversations/${id}/end`, {});
    await record('GET', '/api/wrap-ups');
    await record('GET', '/api/history');
    await stream.until((text) => text.includes('"interrupted"'));
    await stream.stop();

    const seen = `${JSON.stringify(bodies)}\n${stream.text()}`;
    expectNothingInClear(seen);
    // What the agent sees instead, and what stays readable.
    const transcript = bodies.find(
      (body) => Array.isArray(body) && (body as { text?: string }[]).some((m) => m.text?.startsWith('Mi móvil')),
    ) as { text: string }[];
    expect(transcript[0]?.text).toBe(
      'Mi móvil *****5678, el de mi hermano ******5678, oficina **********5678, ' +
        'antiguo **********7890, Berlín ********6789, Delhi ******3210, Londres *******0958, ' +
        'correo m******@gmail.com. Pedido 2024-01-15 a las 10:30, total 149.99 EUR',
    );
    expect(accepted.body).toMatchObject({
      customerName: '*********7542',
      customerNumber: '*********7542',
      originNumber: '********1234',
    });
  });

  it('turning masking on re-renders what is already on screen, and never replays events from before', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const stream = await t.listen(ana);
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays(customerText, customer.from, customer.name);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    await t.customerSays('y otro: 612 34 56 78', customer.from, customer.name);
    await stream.until((text) => text.includes('y otro'));
    // Masking off: the agent sees the data in clear (the point of the setting).
    expect(stream.text()).toContain('612 34 56 78');
    const lastId = [...stream.text().matchAll(/^id: (.+)$/gm)].at(-1)?.[1] ?? '';

    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    await stream.until((text) => text.includes('event: masking.changed'));
    await stream.until(
      (text) => text.split('event: masking.changed')[1]?.includes('event: conversation.updated') ?? false,
    );
    const after = stream.text().split('event: masking.changed')[1] ?? '';
    expect(after).toContain('"customerName":"*********7542"');
    expectNothingInClear(after);
    await stream.stop();

    // A panel that reconnects from before the change reloads instead of replaying old events.
    const resumed = await t.listen(ana, { 'last-event-id': lastId });
    await resumed.until((text) => text.includes('event: resync'));
    await resumed.until((text) => text.includes('event: masking.changed'));
    await resumed.stop();
    expectNothingInClear(resumed.text());

    // Turning it off again is announced too; setting the same value again is not.
    const again = await t.listen(ana);
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: false } });
    await again.until((text) => text.includes('event: masking.changed'));
    await again.stop();
    expect(again.text().match(/event: masking\.changed/g)).toHaveLength(1);
    expect(again.text()).toContain('"maskSensitiveData":false');
  });

  it('masks the customer context and private notes: customer view, past conversations, notes (issue 16)', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    const ana = await t.login('ana', 'loro-agent');
    const stream = await t.listen(ana);
    const bodies: unknown[] = [];
    const record = async (method: string, url: string, body?: unknown) => {
      const response = await t.call(method, url, { token: ana, ...(body ? { body } : {}) });
      bodies.push(response.body);
      return response;
    };
    const serve = async (text: string) => {
      await record('PUT', '/api/agent/state', { state: 'available' });
      await t.customerSays(text, customer.from, customer.name);
      const [offer] = (await record('GET', '/api/agent/offers')).body as { id: string }[];
      return ((await record('POST', `/api/offers/${offer?.id}/accept`)).body as { id: string }).id;
    };

    const first = await serve(customerText);
    await record('POST', `/api/conversations/${first}/notes`, { text: `Nota: ${customerText}` });
    await record('POST', `/api/conversations/${first}/end`, {
      closureReasonId: 'closure_resolved',
      note: 'Llamar al 612 34 56 78 o escribir a melissa@gmail.com',
    });
    const second = await serve('Hola otra vez');
    await record('POST', `/api/conversations/${second}/notes`, { text: 'Su hermano: 55 1234 5678' });
    const view = await record('GET', `/api/conversations/${second}/customer`);
    await record('GET', `/api/conversations/${second}/messages`);
    await record('GET', `/api/past-conversations/${first}`);
    await record('GET', '/api/history');
    await stream.until((text) => text.includes('Su hermano'));
    await stream.stop();

    expectNothingInClear(`${JSON.stringify(bodies)}\n${stream.text()}`);
    expect(view.body).toMatchObject({ name: '*********7542', number: '*********7542', country: 'GB' });
    expect(view.body.previous[0].note).toBe('Llamar al *****5678 o escribir a m******@gmail.com');
  });
});
