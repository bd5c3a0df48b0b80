import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../shared/clock.ts';
import { createPlatform } from '../app.ts';
import { loadConfig } from '../config.ts';
import { type PlatformSchema, platformIndexes, platformSchemas } from '../platform/records.ts';
import { DEMO, seedPlatform } from '../seed/demo-tenant.ts';
import { simulatorKeyFor } from '../server.ts';
import { memoryJournal } from '../store/journal-files.ts';
import { JournalStore } from '../store/journal-store.ts';
import { testPlatform } from '../testing/harness.ts';
import { fixtureWebAssets } from '../testing/web-fixture.ts';

const KEY = 'a-simulator-key-for-tests';

describe('SIMULATOR=off', () => {
  async function platformWithoutSimulator() {
    const config = loadConfig({ GRAPH_BASE_URL: 'https://graph.example.test' });
    const store = await JournalStore.open<PlatformSchema>({
      files: memoryJournal(),
      indexes: platformIndexes,
      schemas: platformSchemas,
    });
    await seedPlatform(store);
    const outgoing: string[] = [];
    const platform = createPlatform({
      config,
      clock: new ManualClock(),
      store,
      origin: 'http://platform.test',
      fetch: async (url) => {
        outgoing.push(url);
        return Response.json({ data: [] });
      },
      web: fixtureWebAssets(),
    });
    const request = (method: string, path: string, body?: unknown) =>
      platform.app.request(`http://platform.test${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.WHATSAPP_TOKEN}` },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    return { platform, request, outgoing, config };
  }

  it('mounts neither /graph nor /simulator when GRAPH_BASE_URL points elsewhere: nobody can forge a customer', async () => {
    const { platform, request } = await platformWithoutSimulator();
    expect(platform.simulator).toBeUndefined();
    expect(platform.webhooks).toBeUndefined();
    const forged = await request('POST', '/simulator/api/messages', {
      phoneNumberId: DEMO.phoneNumberId,
      from: '+34 612 345 678',
      text: 'forged',
    });
    expect(forged.status).toBe(404);
    for (const [method, path] of [
      ['GET', '/simulator'],
      ['GET', '/simulator/signup'],
      ['GET', '/simulator/business'],
      ['GET', '/simulator/api/numbers'],
      ['GET', `/graph/v23.0/${DEMO.phoneNumberId}`],
      ['POST', `/graph/v23.0/${DEMO.phoneNumberId}/messages`],
    ] as const) {
      expect((await request(method, path)).status, `${method} ${path}`).toBe(404);
    }
    expect((await request('GET', '/')).headers.get('location')).toBe('/admin');
    // The description no longer lists the simulator's paths.
    const doc = (await (await request('GET', '/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths).filter((path) => path.startsWith('/graph') || path.startsWith('/simulator'))).toEqual(
      [],
    );
  });

  it('talks to GRAPH_BASE_URL, reports only its own store, and its sweep runs without a simulator', async () => {
    const { platform, request, outgoing } = await platformWithoutSimulator();
    const health = await request('GET', '/healthz');
    expect(health.status).toBe(200);
    await platform.sweep();
    await platform.ctx.graph.listPhoneNumbers('waba-1');
    expect(outgoing).toEqual([
      'https://graph.example.test/v23.0/waba-1/phone_numbers?fields=id,display_phone_number,verified_name,quality_rating,code_verification_status,status,messaging_limit_tier',
    ]);
  });
});

describe('SIMULATOR_KEY', () => {
  const raw = async (
    platform: Awaited<ReturnType<typeof testPlatform>>,
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ) => platform.app.request(`http://platform.test${path}`, { method, headers, ...(body ? { body } : {}) });

  it('is required by the simulator’s own API, pages and test hooks; the Graph API keeps its token', async () => {
    const platform = await testPlatform({ SIMULATOR_KEY: KEY });
    const forged = await raw(
      platform,
      'POST',
      '/simulator/api/messages',
      { 'content-type': 'application/json' },
      JSON.stringify({ phoneNumberId: DEMO.phoneNumberId, from: '+34 612 345 678', text: 'forged' }),
    );
    expect(forged.status).toBe(401);
    expect(await forged.json()).toEqual({
      error: {
        code: 'simulator_key_required',
        message: 'The simulator requires its key: send it in the X-Simulator-Key header',
      },
    });
    expect(platform.store.all('messages')).toHaveLength(0);
    for (const path of ['/simulator/api/numbers', '/simulator/api/templates', '/simulator/api/signup/accounts']) {
      expect((await raw(platform, 'GET', path)).status, path).toBe(401);
      expect((await raw(platform, 'GET', path, { 'x-simulator-key': 'wrong-key-wrong-key' })).status, path).toBe(401);
      expect((await raw(platform, 'GET', path, { 'x-simulator-key': KEY })).status, path).toBe(200);
    }
    // The harness sends the key like a test hook would: the customer's message reaches the platform.
    expect((await platform.customerSays('Hola')).status).toBe(201);
    expect(platform.store.all('messages').map((m) => m.text)).toEqual(['Hola']);
    // Graph: the Cloud API token, no simulator key.
    expect((await platform.graph('GET', `/${DEMO.phoneNumberId}`)).status).toBe(200);
  });

  it('lets a browser in through the key page (English and Spanish) with a cookie that is not the key', async () => {
    const platform = await testPlatform({ SIMULATOR_KEY: KEY });
    const page = await raw(platform, 'GET', '/simulator/signup');
    expect(page.status).toBe(401);
    const html = await page.text();
    expect(html).toContain('Enter the simulator key');
    expect(html).toContain('Escribe la clave del simulador');
    expect(html).toContain('name="next" value="/simulator/signup"');

    const form = (key: string, next: string) =>
      raw(
        platform,
        'POST',
        '/simulator/key',
        { 'content-type': 'application/x-www-form-urlencoded' },
        new URLSearchParams({ key, next }).toString(),
      );
    const wrong = await form('not-the-key-at-all', '/simulator/signup');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('La clave no es correcta');

    const right = await form(KEY, '/simulator/signup');
    expect(right.status).toBe(303);
    expect(right.headers.get('location')).toBe('/simulator/signup');
    const setCookie = right.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/simulator/);
    expect(setCookie).not.toContain(KEY);
    const cookie = setCookie.split(';')[0] ?? '';
    expect((await raw(platform, 'GET', '/simulator/signup', { cookie })).status).toBe(200);
    expect((await raw(platform, 'GET', '/simulator/api/numbers', { cookie })).status).toBe(200);
    expect((await raw(platform, 'GET', '/simulator/api/numbers', { cookie: 'loro_simulator=forged' })).status).toBe(
      401,
    );

    // Never an open redirect: only a simulator path is a target.
    for (const next of ['https://evil.example/', '//evil.example/simulator', '/admin']) {
      expect((await form(KEY, next)).headers.get('location')).toBe('/simulator');
    }
  });

  it('takes the key from the URL printed at start-up and removes it from the address at once', async () => {
    const platform = await testPlatform({ SIMULATOR_KEY: KEY });
    const visit = await raw(platform, 'GET', `/simulator?key=${KEY}&lang=es`);
    expect(visit.status).toBe(303);
    expect(visit.headers.get('location')).toBe('/simulator?lang=es');
    expect(visit.headers.get('set-cookie')).toMatch(/^loro_simulator=/);
    expect((await raw(platform, 'GET', '/simulator?key=a-wrong-key-entirely')).status).toBe(401);
  });

  it('is open on a loopback host without a key, and made up (printed) on any other host', () => {
    expect(simulatorKeyFor(loadConfig({}))).toBeUndefined();
    expect(simulatorKeyFor(loadConfig({ HOST: 'localhost' }))).toBeUndefined();
    const made = simulatorKeyFor(loadConfig({ HOST: '0.0.0.0' }));
    expect(made).toMatch(/^[\w-]{24}$/);
    expect(simulatorKeyFor(loadConfig({ HOST: '0.0.0.0' }))).not.toBe(made);
    expect(simulatorKeyFor(loadConfig({ SIMULATOR_KEY: KEY }))).toBe(KEY);
    expect(simulatorKeyFor(loadConfig({ HOST: '0.0.0.0', SIMULATOR_KEY: KEY }))).toBe(KEY);
    expect(simulatorKeyFor(loadConfig({ HOST: '0.0.0.0', GRAPH_BASE_URL: 'https://graph.example.test' }))).toBe(
      undefined,
    );
  });
});
