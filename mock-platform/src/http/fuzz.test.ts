import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringifyLikeMeta } from '../../../shared/whatsapp/escape-json.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { signBody } from '../whatsapp/signature.ts';

type Harness = Awaited<ReturnType<typeof testPlatform>>;
const RUNS = Number(process.env.FC_RUNS ?? 25);

/** How many rows each collection holds, in both stores: a refused request must change none. */
function counts(t: Harness): Record<string, number> {
  const platform = [
    'users',
    'sessions',
    'conversations',
    'messages',
    'offers',
    'wrapUps',
    'settings',
    'routingScripts',
    'channels',
    'customers',
    'roles',
    'skills',
    'customComponents',
    'richMessages',
    'closureReasons',
    'routingQueues',
    'audit',
  ] as const;
  const simulator = ['messages', 'templates', 'phoneNumbers'] as const;
  return {
    ...Object.fromEntries(platform.map((c) => [c, t.store.count(c)])),
    ...Object.fromEntries(simulator.map((c) => [`sim.${c}`, t.simulatorStore.count(c)])),
  };
}

/** Bodies that are anything at all, and bodies shaped like objects with likely field names. */
const bodies = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(
      'text',
      'state',
      'username',
      'password',
      'agentId',
      'skillId',
      'target',
      'closureReasonId',
      'note',
      'maskSensitiveData',
      'sla',
      'rules',
      'name',
      'to',
      'type',
      'messaging_product',
      'from',
      'phoneNumberId',
      'channels',
      'channelIds',
      'url',
      'height',
      'content',
      'roleId',
      'skills',
      'defaultSkillId',
      'defaultScriptId',
      'acceptReject',
      'displayName',
      'role',
    ),
    fc.jsonValue(),
  ),
);

describe('every JSON endpoint under fuzzed bodies', () => {
  it('never answers 500, and a refused request stores nothing', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    await t.call('PUT', '/api/admin/routing-scripts/s1', { token: admin, body: { name: 'S', rules: [] } });

    const doc = (await t.call('GET', '/openapi.json')).body as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    const targets = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, operation]) => operation.requestBody !== undefined)
        .map(([method]) => ({ method: method.toUpperCase(), path })),
    );
    expect(targets.length).toBeGreaterThanOrEqual(30);

    // Admin paths name an existing row of their resource, so updates get past "not found".
    const adminIds: Record<string, string> = {
      'routing-scripts': 's1',
      roles: DEMO.roleId,
      skills: DEMO.skillId,
      users: DEMO.users.bruno.id,
      channels: DEMO.channelId,
      'closure-reasons': 'closure_info',
      'custom-components': DEMO.legacyComponentId,
    };
    const idFor = (path: string) => adminIds[/^\/api\/admin\/([\w-]+)\//.exec(path)?.[1] ?? ''] ?? conversation.id;
    const concrete = (path: string) =>
      path
        .replace('{id}', idFor(path))
        .replace('{version}', 'v23.0')
        .replace('{phoneNumberId}', DEMO.phoneNumberId)
        .replace('{wabaId}', DEMO.wabaId)
        .replace('{customer}', '+34612345678');
    const tokenFor = (path: string) =>
      path.startsWith('/api/admin') ? admin : path.startsWith('/api/') ? ana : undefined;

    for (const { method, path } of targets) {
      await fc.assert(
        fc.asyncProperty(bodies, async (body) => {
          const before = counts(t);
          const text = JSON.stringify(body);
          let status: number;
          if (path === '/webhooks/whatsapp') {
            // Signed correctly, so the body itself is what is under test.
            const signed = stringifyLikeMeta(body);
            const response = await t.app.request('http://platform.test/webhooks/whatsapp', {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                'x-hub-signature-256': signBody(t.config.WHATSAPP_APP_SECRET, signed),
              },
              body: signed,
            });
            status = response.status;
          } else if (path.startsWith('/graph')) {
            const response = await t.app.request(`http://platform.test${concrete(path)}`, {
              method,
              headers: { 'content-type': 'application/json', authorization: `Bearer ${t.config.WHATSAPP_TOKEN}` },
              body: text,
            });
            status = response.status;
          } else {
            const token = tokenFor(path);
            status = (await t.call(method, concrete(path), { ...(token ? { token } : {}), body: text })).status;
          }
          expect(status, `${method} ${path} with ${text.slice(0, 200)}`).toBeLessThan(500);
          if (status >= 400)
            expect(counts(t), `${method} ${path} refused ${text.slice(0, 200)} but changed the store`).toEqual(before);
        }),
        { numRuns: RUNS },
      );
    }
  }, 120_000);
});
