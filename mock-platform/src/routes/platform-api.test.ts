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
    // Every route the app serves under the documented prefixes is in the description, derived from
    // the router itself so a route added tomorrow cannot be left out (pages and assets are not API;
    // the simulator's Graph aliases are Meta's, described by Meta's own OpenAPI file).
    const documented = new Set(Object.keys(doc.paths));
    const served = [
      ...new Set(
        t.app.routes
          .filter(({ method }) => method !== 'ALL')
          .map(({ path }) => path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}'))
          .filter((path) => /^\/(api|components\/api|webhooks)\//.test(path) || path === '/healthz'),
      ),
    ];
    expect(served.length).toBeGreaterThan(60);
    expect(served.filter((path) => !documented.has(path))).toEqual([]);
    for (const path of ['/api/admin/canned-responses', '/api/conversations/{id}/messages', '/webhooks/whatsapp']) {
      expect(documented).toContain(path);
    }
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
