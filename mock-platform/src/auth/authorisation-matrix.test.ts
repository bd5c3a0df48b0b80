import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

type Caller = 'anonymous' | 'otherAgent' | 'owner' | 'admin';

/**
 * Every agent and administrator route × who calls it → the status the server must answer. The
 * conversation and offer belong to Ana ("owner"); Bruno is an agent without them ("otherAgent").
 * (Per-channel roles and the Reply permission come with the administration issue.)
 */
const matrix: [string, string, unknown, Record<Caller, number>][] = [
  ['GET', '/api/me', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['PUT', '/api/agent/state', { state: 'unavailable' }, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/agent/offers', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/conversations', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/conversations/{id}', undefined, { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 }],
  ['GET', '/api/conversations/{id}/messages', undefined, { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 }],
  [
    'POST',
    '/api/conversations/{id}/messages',
    { text: 'hello' },
    { anonymous: 401, otherAgent: 404, owner: 201, admin: 403 },
  ],
  [
    'POST',
    '/api/conversations/{id}/conference/end',
    undefined,
    { anonymous: 401, otherAgent: 404, owner: 409, admin: 403 },
  ],
  ['GET', '/api/transfer-targets', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/closure-reasons', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/wrap-ups', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['POST', '/api/offers/{offer}/reject', undefined, { anonymous: 401, otherAgent: 404, owner: 409, admin: 403 }],
  ['GET', '/api/agent/events', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/admin/settings', undefined, { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 }],
  [
    'PUT',
    '/api/admin/settings',
    { maskSensitiveData: false },
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 },
  ],
  [
    'PUT',
    '/api/admin/routing-scripts/s1',
    { name: 'S', rules: [] },
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 },
  ],
  [
    'POST',
    '/api/admin/routing-scripts/s1/try',
    { text: 'hi' },
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 },
  ],
  ['DELETE', '/api/admin/channels/ch_nope', undefined, { anonymous: 401, otherAgent: 403, owner: 403, admin: 404 }],
  ['GET', '/api/admin/sla-report', undefined, { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 }],
  ['GET', '/api/admin/routing-queues', undefined, { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 }],
  ['GET', '/api/history', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/conversations/{id}/templates', undefined, { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 }],
  [
    'POST',
    '/api/conversations/{id}/end',
    { closureReasonId: 'closure_resolved' },
    { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 },
  ],
];

describe('authorisation matrix (RP-5: enforced by the server)', () => {
  it.each(['anonymous', 'otherAgent', 'owner', 'admin'] as const)(
    'answers each route as expected for %s',
    async (caller) => {
      const t = await testPlatform();
      const ana = await t.login('ana', 'loro-agent');
      const tokens: Record<Caller, string | undefined> = {
        anonymous: undefined,
        otherAgent: await t.login('bruno', 'loro-agent'),
        owner: ana,
        admin: await t.login('admin', 'loro-admin'),
      };
      await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
      await t.customerSays('hello');
      const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
      const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
      expect(conversation.agentId).toBe(DEMO.users.ana.id);

      const seen: string[] = [];
      for (const [method, template, body, expected] of matrix) {
        const path = template.replace('{id}', conversation.id).replace('{offer}', offer.id);
        const token = tokens[caller];
        let status: number;
        if (path === '/api/agent/events') {
          // A stream: only its status matters; close it at once.
          const response = await t.app.request(`http://platform.test${path}`, {
            headers: token ? { authorization: `Bearer ${token}` } : {},
          });
          status = response.status;
          await response.body?.cancel();
        } else {
          status = (
            await t.call(method, path, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}) })
          ).status;
        }
        seen.push(`${method} ${template} → ${status}`);
        expect.soft(status, `${caller}: ${method} ${template}`).toBe(expected[caller]);
      }
      expect(seen).toHaveLength(matrix.length);
    },
  );
});
