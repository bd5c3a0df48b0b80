import { describe, expect, it } from 'vitest';
import { DEMO, seedPlatform, seedSimulator } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { textWebhook } from '../testing/webhooks.ts';
import { signBody } from '../whatsapp/signature.ts';

describe('platform HTTP API', () => {
  it('answers /healthz and describes every route in /openapi.json', async () => {
    const t = await testPlatform();
    expect((await t.call('GET', '/healthz')).body).toMatchObject({ status: 'ok' });
    const doc = (await t.call('GET', '/openapi.json')).body;
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/api/admin/audit',
        '/api/admin/canned-responses',
        '/api/admin/canned-responses/{id}',
        '/api/conversations/{id}/canned-responses',
        '/api/conversations/{id}/typing',
        '/api/admin/channels',
        '/api/admin/channels/{id}',
        '/api/admin/closure-reasons',
        '/api/admin/closure-reasons/{id}',
        '/api/admin/custom-components',
        '/api/admin/custom-components/{id}',
        '/api/admin/rich-messages',
        '/api/admin/rich-messages/{id}',
        '/api/admin/roles',
        '/api/admin/roles/{id}',
        '/api/admin/routing-queues',
        '/api/admin/routing-queues/{id}',
        '/api/admin/routing-scripts',
        '/api/admin/routing-scripts/{id}',
        '/api/admin/routing-scripts/{id}/try',
        '/api/admin/routing-scripts/try',
        '/api/admin/settings',
        '/api/admin/skills',
        '/api/admin/skills/{id}',
        '/api/admin/sla-report',
        '/api/admin/templates',
        '/api/admin/unavailable-reasons',
        '/api/admin/unavailable-reasons/{id}',
        '/api/admin/users',
        '/api/admin/users/{id}',
        '/api/admin/whatsapp-numbers',
        '/api/agent/events',
        '/api/agent/offers',
        '/api/agent/state',
        '/api/auth/login',
        '/api/auth/logout',
        '/api/auth/logout-all',
        '/api/auth/resume',
        '/api/auth/refresh',
        '/api/conversations',
        '/api/conversations/{id}',
        '/api/closure-reasons',
        '/api/conversations/{id}/component',
        '/api/conversations/{id}/rich-messages',
        '/api/conversations/{id}/media',
        '/api/conversations/{id}/media/{mediaId}',
        '/api/conversations/{id}/rich-message',
        '/api/conversations/{id}/conference',
        '/api/conversations/{id}/conference/end',
        '/api/conversations/{id}/conference/leave',
        '/api/conversations/{id}/end',
        '/api/conversations/{id}/messages',
        '/api/conversations/{id}/messages/{messageId}/retry',
        '/api/conversations/{id}/template',
        '/api/conversations/{id}/templates',
        '/api/conversations/{id}/transfer',
        '/api/conversations/{id}/notes',
        '/api/conversations/{id}/customer',
        '/api/conversations/{id}/customer/tags',
        '/api/conversations/{id}/customer/tags/{tag}',
        '/api/past-conversations/{id}',
        '/api/history',
        '/api/channels',
        '/api/channels/{id}/templates',
        '/api/outbound',
        '/api/supervisor/agents/{id}/sign-out',
        '/api/supervisor/agents/{id}/unavailable',
        '/api/supervisor/board',
        '/api/supervisor/conversations/{id}',
        '/api/supervisor/conversations/{id}/close',
        '/api/supervisor/conversations/{id}/reassign',
        '/api/supervisor/events',
        '/api/me',
        '/api/offers/{id}/accept',
        '/api/offers/{id}/reject',
        '/graph/{version}/{phoneNumberId}/messages',
        '/graph/{version}/{wabaId}/message_templates',
        '/graph/{version}/{wabaId}/phone_numbers',
        '/graph/{version}/{phoneNumberId}/media',
        '/graph/{version}/{id}',
        '/simulator/api/templates',
        '/simulator/api/outbox',
        '/simulator/api/consent',
        '/simulator/api/signup/accounts',
        '/simulator/api/signup/business',
        '/simulator/api/signup/number',
        '/simulator/api/signup/verify',
        '/graph/{version}/{phoneNumberId}/request_code',
        '/graph/{version}/{phoneNumberId}/verify_code',
        '/graph/{version}/{phoneNumberId}/register',
        '/graph/{version}/{phoneNumberId}/deregister',
        '/graph/{version}/{phoneNumberId}/settings',
        '/graph/{version}/{wabaId}/subscribed_apps',
        '/graph/{version}/{phoneNumberId}/whatsapp_business_profile',
        '/simulator/api/templates/{id}/review',
        '/simulator/api/templates/{id}/quality',
        '/simulator/api/numbers/{id}/quality',
        '/simulator/api/numbers/{id}',
        '/api/transfer-targets',
        '/api/unavailable-reasons',
        '/api/wrap-ups',
        '/api/wrap-ups/{id}',
        '/components/api/conversations/{id}/template',
        '/components/api/conversations/{id}/templates',
        '/healthz',
        '/simulator/api/messages',
        '/simulator/api/numbers',
        '/simulator/api/threads/{phoneNumberId}/{customer}/messages',
        '/simulator/api/threads/{phoneNumberId}/{customer}/read',
        '/simulator/api/threads/{phoneNumberId}/{customer}/typing',
        '/webhooks/whatsapp',
      ].sort(),
    );
    expect(
      doc.paths['/api/conversations/{id}/messages'].post.requestBody.content['application/json'].schema.properties.text,
    ).toBeDefined();
  });

  it('names each missing or wrong field in one error shape', async () => {
    const t = await testPlatform();
    const missing = await t.call('POST', '/api/auth/login', { body: { username: 'ana' } });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({
      error: {
        code: 'validation_failed',
        message: 'Invalid request: password: is required',
        issues: [{ path: 'password', message: 'is required', rule: { code: 'required' } }],
      },
    });
    const malformed = await t.call('POST', '/api/auth/login', { body: '{"username":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBeTypeOf('string');
    const ana = await t.login('ana', 'loro-agent');
    const state = await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'asleep' } });
    expect(state.status).toBe(400);
    expect(state.body.error.issues[0]).toEqual({
      path: 'state',
      message: 'must be one of: available, unavailable',
      rule: { code: 'one_of', values: ['available', 'unavailable'] },
    });
    expect((await t.call('GET', '/nowhere')).body.error.code).toBe('not_found');
  });

  it('refuses wrong passwords and anonymous or non-agent callers', async () => {
    const t = await testPlatform();
    const wrong = await t.call('POST', '/api/auth/login', { body: { username: 'ana', password: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const unknown = await t.call('POST', '/api/auth/login', { body: { username: 'nobody', password: 'nope' } });
    expect(unknown.body).toEqual(wrong.body);
    expect((await t.call('GET', '/api/me')).status).toBe(401);
    const admin = await t.login('admin', 'loro-admin');
    expect((await t.call('GET', '/api/me', { token: admin })).status).toBe(403);
  });

  it('revokes a token on logout', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    expect((await t.call('GET', '/api/me', { token: ana })).status).toBe(200);
    expect((await t.call('POST', '/api/auth/logout', { token: ana })).status).toBe(200);
    expect((await t.call('GET', '/api/me', { token: ana })).status).toBe(401);
  });

  it('seeds the demo tenant once: seeding again changes nothing', async () => {
    const t = await testPlatform();
    const before = JSON.stringify(t.store.all('users'));
    const counts = () =>
      ['users', 'channels', 'skills', 'closureReasons', 'accounts'].map((c) => t.store.count(c as 'users'));
    const countsBefore = counts();
    await seedPlatform(t.store);
    await seedSimulator(t.simulatorStore);
    expect(JSON.stringify(t.store.all('users'))).toBe(before);
    expect(counts()).toEqual(countsBefore);
    expect(countsBefore).toEqual([4, 1, 2, 4, 1]);
    expect(t.store.get('settings', 'tenant')).toEqual({ id: 'tenant', maskSensitiveData: false });
    expect(t.simulatorStore.get('templates', DEMO.templateId)?.status).toBe('APPROVED');
  });
});

describe('WhatsApp webhook receiver', () => {
  const payload = (wamid: string) =>
    textWebhook({ wamid, from: '447966197542', name: 'Zoë', text: 'Olá ✨', timestamp: '1767603600' });

  async function post(t: Awaited<ReturnType<typeof testPlatform>>, body: string, signature?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (signature) headers['x-hub-signature-256'] = signature;
    return t.app.request('http://platform.test/webhooks/whatsapp', { method: 'POST', body, headers });
  }

  it('answers the verification handshake only with the right token', async () => {
    const t = await testPlatform();
    const ok = await t.call(
      'GET',
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=loro-demo-verify-token&hub.challenge=1158201444',
    );
    expect([ok.status, ok.body]).toEqual([200, 1158201444]);
    const bad = await t.call('GET', '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1');
    expect(bad.status).toBe(403);
  });

  it('stores a correctly signed message, in raw UTF-8 as well as escaped form', async () => {
    const t = await testPlatform();
    const raw = JSON.stringify(payload('wamid.raw'));
    expect((await post(t, raw, signBody(t.config.WHATSAPP_APP_SECRET, raw))).status).toBe(200);
    expect(t.store.get('messages', 'wamid.raw')?.text).toBe('Olá ✨');
    expect(t.store.get('customers', '447966197542')?.name).toBe('Zoë');
  });

  it('refuses a missing or wrong signature with 401 and stores nothing', async () => {
    const t = await testPlatform();
    const body = JSON.stringify(payload('wamid.forged'));
    const unsigned = await post(t, body);
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ error: { code: 'invalid_signature' } });
    expect((await post(t, body, signBody('not-the-secret', body))).status).toBe(401);
    expect(t.store.get('messages', 'wamid.forged')).toBeUndefined();
  });

  it('refuses a signed body that is not a Cloud API webhook, naming the field', async () => {
    const t = await testPlatform();
    const body = JSON.stringify({ object: 'page', entry: [] });
    const response = await post(t, body, signBody(t.config.WHATSAPP_APP_SECRET, body));
    expect(response.status).toBe(400);
    expect((await response.json()).error.issues[0].path).toBe('object');
  });
});
