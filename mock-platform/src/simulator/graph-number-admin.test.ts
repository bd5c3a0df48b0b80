import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import type { FetchLike } from '../whatsapp/graph-client.ts';
import { SIMULATOR_APP } from './subscriptions.ts';

const number = DEMO.phoneNumberId;
const text = { messaging_product: 'whatsapp', to: '+34612345678', type: 'text', text: { body: 'Hola' } };

describe('a number’s settings (GET|POST /{phone-number-id}/settings)', () => {
  it('answers Meta’s settings shape and keeps one feature per request', async () => {
    const t = await testPlatform();
    expect((await t.graph('GET', `/${number}/settings`)).body).toEqual({
      calling: {
        status: 'disabled',
        call_icon_visibility: 'visible',
        callback_permission_status: 'disabled',
        ip_addresses: { default: ['127.0.0.1'] },
      },
      payload_encryption: { status: 'disabled' },
      storage_configuration: { status: 'default' },
    });
    const calling = { calling: { status: 'enabled', call_icon_visibility: 'visible', video: { status: 'enabled' } } };
    expect(await t.graph('POST', `/${number}/settings`, calling)).toMatchObject({
      status: 200,
      body: { success: true },
    });
    expect(
      (await t.graph('POST', `/${number}/settings`, { storage_configuration: { enabled: true, region: 'us' } })).status,
    ).toBe(200);
    const after = (await t.graph('GET', `/${number}/settings`)).body;
    expect(after.calling).toMatchObject({ status: 'enabled', video: { status: 'enabled' } });
    expect(after.storage_configuration).toEqual({
      status: 'in_country_storage_enabled',
      data_localization_region: 'us',
    });
  });

  it.each([
    [{ calling: { status: 'enabled' }, user_identity_change: { enabled: true } }, 'give exactly one of'],
    [{ payload_encryption: { status: 'enabled' } }, 'client_encryption_key is required'],
    [{ calling: { status: 'maybe' } }, 'calling.status'],
    [{}, 'give exactly one of'],
  ])('refuses %j with code 100', async (body, words) => {
    const t = await testPlatform();
    const answer = await t.graph('POST', `/${number}/settings`, body);
    expect([answer.status, answer.body.error.code]).toEqual([400, 100]);
    expect(answer.body.error.error_data.details).toContain(words);
  });

  it('answers an unknown number like Graph', async () => {
    const t = await testPlatform();
    const answer = await t.graph('GET', '/999/settings');
    expect([answer.status, answer.body.error.code, answer.body.error.error_subcode]).toEqual([400, 100, 33]);
  });
});

describe('two-step PIN, deregister and register again', () => {
  it('sets the PIN with POST /{phone-number-id}; a deregistered number sends nothing until registered again', async () => {
    const t = await testPlatform();
    await t.customerSays('hola');
    expect(await t.graph('POST', `/${number}`, { pin: '123456' })).toMatchObject({
      status: 200,
      body: { success: true },
    });
    const wrongPin = await t.graph('POST', `/${number}/register`, { messaging_product: 'whatsapp', pin: '654321' });
    expect([wrongPin.status, wrongPin.body.error.code]).toEqual([400, 133005]);
    expect((await t.graph('POST', `/${number}`, { whatsapp_business_api_data: { pin: '222222' } })).body).toEqual({
      success: true,
    });
    expect(
      (await t.graph('POST', `/${number}/register`, { messaging_product: 'whatsapp', pin: '222222' })).status,
    ).toBe(200);

    expect(await t.graph('POST', `/${number}/deregister`)).toMatchObject({ status: 200, body: { success: true } });
    expect((await t.graph('GET', `/${number}?fields=status`)).body).toEqual({ status: 'DISCONNECTED', id: number });
    const refused = await t.graph('POST', `/${number}/messages`, text);
    expect([refused.status, refused.body.error.code]).toEqual([400, 133010]);
    const again = await t.graph('POST', `/${number}/deregister`);
    expect(again.body.error).toMatchObject({
      message: 'Phone number not registered on the WhatsApp Business Platform.',
      code: 100,
      error_subcode: 2207051,
    });

    // Deregistering drops the PIN: the next registration sets a new one.
    expect(
      (await t.graph('POST', `/${number}/register`, { messaging_product: 'whatsapp', pin: '333333' })).status,
    ).toBe(200);
    expect((await t.graph('POST', `/${number}/messages`, text)).status).toBe(200);
  });

  it('delivers no customer message to a deregistered number (a clear error on the phone); registering again restores it', async () => {
    const t = await testPlatform();
    await t.graph('POST', `/${number}/deregister`);
    const undelivered = await t.customerSays('¿Hay alguien?');
    expect(undelivered.status).toBe(409);
    expect(undelivered.body.error).toEqual({
      code: 'business_not_on_whatsapp',
      message: expect.stringMatching(/not registered on WhatsApp now.*no está registrado en WhatsApp/),
    });
    // Nothing stored on the phone, nothing sent to the platform.
    expect(t.simulatorStore.all('messages')).toEqual([]);
    expect(t.store.all('messages')).toEqual([]);
    const listed = (await t.call('GET', '/simulator/api/numbers')).body;
    expect(listed.find((n: { id: string }) => n.id === number)).toMatchObject({ onWhatsApp: false });

    await t.graph('POST', `/${number}/register`, { messaging_product: 'whatsapp', pin: '444444' });
    expect((await t.customerSays('¿Hay alguien?')).status).toBe(201);
    expect(t.store.all('messages').map((m) => m.text)).toEqual(['¿Hay alguien?']);
    expect(
      (await t.call('GET', '/simulator/api/numbers')).body.find((n: { id: string }) => n.id === number),
    ).toMatchObject({
      onWhatsApp: true,
    });
  });

  it.each([
    [{ pin: '12345' }, 100, 'PIN must be exactly 6 digits'],
    [{ new_display_name: 'L' }, 100, 'new_display_name must be 2 to 75 characters'],
    [{ new_display_name: DEMO.businessName }, 100, `${DEMO.businessName} is already the display name`],
    [{ username: 'Loro Shop' }, 100, 'username must be 3 to 35 lowercase letters'],
    [{ search_visibility: 'SOMETIMES' }, 100, 'search_visibility'],
    [{ connection_status: 'DISCONNECTED' }, 100, 'the number is CONNECTED; register or deregister it'],
    [{ webhook_url: 'https://other.test/hook' }, 100, 'verify_token: required with override_callback_uri'],
    [{}, 100, 'give at least one of pin, whatsapp_business_api_data'],
  ])('refuses %j', async (body, code, words) => {
    const t = await testPlatform();
    const answer = await t.graph('POST', `/${number}`, body);
    expect([answer.status, answer.body.error.code]).toEqual([400, code]);
    expect(answer.body.error.error_data.details).toContain(words);
  });

  it('still edits a template with POST /{template-id}', async () => {
    const t = await testPlatform();
    const edit = await t.graph('POST', `/${DEMO.templateId}`, {
      components: [{ type: 'BODY', text: 'Hello {{1}}, your order is ready.', example: { body_text: [['Ana']] } }],
    });
    expect(edit.body).toEqual({ success: true });
  });
});

/** A webhook receiver on another host that answers Meta's verification GET and records posts. */
function otherReceiver() {
  const posts: string[] = [];
  const wrapFetch =
    (next: FetchLike): FetchLike =>
    async (url, init) => {
      const target = new URL(url);
      if (target.host !== 'other.test') return next(url, init);
      if ((init?.method ?? 'GET') === 'GET') {
        const ok = target.searchParams.get('hub.verify_token') === 'other-token';
        return new Response(ok ? target.searchParams.get('hub.challenge') : 'no', { status: ok ? 200 : 403 });
      }
      posts.push(String(init?.body));
      return new Response(null, { status: 200 });
    };
  return { posts, wrapFetch };
}

describe('webhook subscriptions (/{waba-id}/subscribed_apps) decide where webhooks go', () => {
  it('lists the app; unsubscribed, the account’s webhooks stop; subscribed again, they flow', async () => {
    const t = await testPlatform();
    expect((await t.graph('GET', `/${DEMO.wabaId}/subscribed_apps`)).body).toEqual({
      data: [
        {
          whatsapp_business_api_data: {
            id: SIMULATOR_APP.id,
            name: SIMULATOR_APP.name,
            link: `https://www.facebook.com/games/?app_id=${SIMULATOR_APP.id}`,
          },
        },
      ],
    });
    expect((await t.graph('DELETE', `/${DEMO.wabaId}/subscribed_apps`)).body).toEqual({ success: true });
    expect((await t.graph('GET', `/${DEMO.wabaId}/subscribed_apps`)).body).toEqual({ data: [] });
    await t.customerSays('nobody hears this');
    expect(t.store.all('messages').some((m) => m.text === 'nobody hears this')).toBe(false);

    expect((await t.graph('POST', `/${DEMO.wabaId}/subscribed_apps`)).body).toEqual({ success: true });
    await t.customerSays('heard again');
    expect(t.store.all('messages').some((m) => m.text === 'heard again')).toBe(true);
  });

  it('sends to an override once its URL passes Meta’s verification; a number’s override wins over its account’s', async () => {
    const receiver = otherReceiver();
    const t = await testPlatform({}, undefined, { wrapFetch: receiver.wrapFetch });
    const refused = await t.graph('POST', `/${DEMO.wabaId}/subscribed_apps`, {
      override_callback_uri: 'https://other.test/waba',
      verify_token: 'wrong',
    });
    expect([refused.status, refused.body.error.code]).toEqual([400, 2200]);

    const accepted = await t.graph('POST', `/${DEMO.wabaId}/subscribed_apps`, {
      override_callback_uri: 'https://other.test/waba',
      verify_token: 'other-token',
    });
    expect(accepted.body).toMatchObject({
      success: true,
      data: [{ override_callback_uri: 'https://other.test/waba' }],
    });
    await t.customerSays('to the account override');
    expect(receiver.posts.filter((body) => body.includes('to the account override'))).toHaveLength(1);
    expect(t.store.all('messages').some((m) => m.text === 'to the account override')).toBe(false);

    // The platform's own receiver answers the verification with its verify token.
    const numberOverride = await t.graph('POST', `/${number}`, {
      webhook_configuration: {
        override_callback_uri: 'http://platform.test/webhooks/whatsapp',
        verify_token: t.config.WHATSAPP_VERIFY_TOKEN,
      },
    });
    expect(numberOverride.body).toEqual({ success: true });
    await t.customerSays('to the number override');
    expect(t.store.all('messages').some((m) => m.text === 'to the number override')).toBe(true);

    await t.graph('POST', `/${number}`, { webhook_configuration: { override_callback_uri: '' } });
    await t.customerSays('back to the account');
    expect(receiver.posts.some((body) => body.includes('back to the account'))).toBe(true);
  });

  it('answers an unknown account like Graph', async () => {
    const t = await testPlatform();
    const answer = await t.graph('DELETE', '/123/subscribed_apps');
    expect([answer.status, answer.body.error.code, answer.body.error.error_subcode]).toEqual([400, 100, 33]);
  });
});
