import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

type Caller = 'anonymous' | 'withoutChannel' | 'withoutReply' | 'withReply' | 'admin' | 'supervisor';
const CALLERS = ['anonymous', 'withoutChannel', 'withoutReply', 'withReply', 'admin', 'supervisor'] as const;

/**
 * Written with the old columns' names: `otherAgent` is the agent without the channel, `owner` the
 * one with Reply. Supervisors get 403 on agent and administration routes unless a row says otherwise.
 */
type Legacy = { anonymous: number; otherAgent: number; owner: number; admin: number; supervisor?: number };
const SUPERVISED = { anonymous: 401, otherAgent: 403, owner: 403 } as const;

/**
 * Every agent and administrator route × who calls it → the status the server must answer. The
 * conversation and offer belong to Ana, whose role has the channel with Reply ("withReply") or
 * with every permission but Reply ("withoutReply"); Bruno's role does not include the channel
 * ("withoutChannel"), so its conversations are neither offered nor shown to him.
 */
const legacy: [string, string, unknown, Legacy & { withoutReply?: number }][] = [
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
    { anonymous: 401, otherAgent: 404, owner: 201, admin: 403, withoutReply: 403 },
  ],
  [
    'POST',
    '/api/conversations/{id}/conference/end',
    undefined,
    { anonymous: 401, otherAgent: 404, owner: 409, admin: 403 },
  ],
  ['GET', '/api/transfer-targets', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/closure-reasons', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/unavailable-reasons', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
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
  [
    'POST',
    '/api/admin/routing-scripts/try',
    { script: { name: 'S', rules: [] }, sample: { text: 'hi' } },
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 },
  ],
  ['DELETE', '/api/admin/channels/ch_nope', undefined, { anonymous: 401, otherAgent: 403, owner: 403, admin: 404 }],
  ['GET', '/api/admin/sla-report', undefined, { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 }],
  ['GET', '/api/admin/routing-queues', undefined, { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 }],
  ...[
    'roles',
    'users',
    'skills',
    'custom-components',
    'rich-messages',
    'closure-reasons',
    'unavailable-reasons',
    'routing-scripts',
    'channels',
    'whatsapp-numbers',
    'templates',
    'audit',
  ].map((resource): [string, string, unknown, Legacy] => [
    'GET',
    `/api/admin/${resource}`,
    undefined,
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 },
  ]),
  ['POST', '/api/admin/closure-reasons', { name: 'Spam' }, { anonymous: 401, otherAgent: 403, owner: 403, admin: 201 }],
  [
    'POST',
    '/api/admin/unavailable-reasons',
    { name: 'Coaching', nameEs: 'Tutoría' },
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 201 },
  ],
  [
    'PUT',
    `/api/admin/roles/${DEMO.roleId}`,
    { name: 'Agents', channels: {} },
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 200 },
  ],
  [
    'DELETE',
    `/api/admin/users/${DEMO.users.admin.id}`,
    undefined,
    { anonymous: 401, otherAgent: 403, owner: 403, admin: 409 },
  ],
  [
    'POST',
    '/api/conversations/{id}/conference',
    { skillId: DEMO.billingSkillId },
    { anonymous: 401, otherAgent: 404, owner: 409, admin: 403 },
  ],
  ['GET', '/api/history', undefined, { anonymous: 401, otherAgent: 200, owner: 200, admin: 403 }],
  ['GET', '/api/conversations/{id}/templates', undefined, { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 }],
  // Customer context (issue 16): notes and tags only by an agent with the conversation.
  [
    'POST',
    '/api/conversations/{id}/notes',
    { text: 'internal' },
    { anonymous: 401, otherAgent: 404, owner: 201, admin: 403 },
  ],
  ['GET', '/api/conversations/{id}/customer', undefined, { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 }],
  [
    'POST',
    '/api/conversations/{id}/customer/tags',
    { tag: 'vip' },
    { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 },
  ],
  [
    'DELETE',
    '/api/conversations/{id}/customer/tags/vip',
    undefined,
    { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 },
  ],
  ['GET', '/api/past-conversations/{id}', undefined, { anonymous: 401, otherAgent: 404, owner: 404, admin: 403 }],
  [
    'POST',
    '/api/conversations/{id}/end',
    { closureReasonId: 'closure_resolved' },
    { anonymous: 401, otherAgent: 404, owner: 200, admin: 403 },
  ],
  // The supervisor's routes: supervisors and administrators, never agents.
  ['GET', '/api/supervisor/board', undefined, { ...SUPERVISED, admin: 200, supervisor: 200 }],
  ['GET', '/api/supervisor/events', undefined, { ...SUPERVISED, admin: 200, supervisor: 200 }],
  ['GET', '/api/supervisor/conversations/{id}', undefined, { ...SUPERVISED, admin: 200, supervisor: 200 }],
  [
    'POST',
    '/api/supervisor/conversations/conv_nope/reassign',
    { skillId: DEMO.skillId },
    { ...SUPERVISED, admin: 404, supervisor: 404 },
  ],
  [
    'POST',
    '/api/supervisor/conversations/conv_nope/close',
    { closureReasonId: 'closure_resolved' },
    { ...SUPERVISED, admin: 404, supervisor: 404 },
  ],
  ['POST', '/api/supervisor/agents/user_nope/unavailable', undefined, { ...SUPERVISED, admin: 404, supervisor: 404 }],
  ['POST', '/api/supervisor/agents/user_nope/sign-out', undefined, { ...SUPERVISED, admin: 404, supervisor: 404 }],
];

const matrix: [string, string, unknown, Record<Caller, number>][] = legacy.map(([method, path, body, expected]) => [
  method,
  path,
  body,
  {
    anonymous: expected.anonymous,
    withoutChannel: expected.otherAgent,
    // Without Reply, Ana may still do everything else on her conversation.
    withoutReply: expected.withoutReply ?? expected.owner,
    withReply: expected.owner,
    admin: expected.admin,
    supervisor: expected.supervisor ?? 403,
  },
]);

describe('authorisation matrix (RP-4, RP-5: enforced by the server)', () => {
  it.each(CALLERS)('answers each route as expected for %s', async (caller) => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    const supervisor = await t.login('sofia', 'loro-supervisor');
    // Bruno's role does not include the WhatsApp channel.
    const { body: noChannel } = await t.call('POST', '/api/admin/roles', {
      token: admin,
      body: { name: 'Email only', channels: {} },
    });
    const { passwordHash: _hash, id: _id, ...brunoUser } = t.store.get('users', DEMO.users.bruno.id) ?? {};
    await t.call('PUT', `/api/admin/users/${DEMO.users.bruno.id}`, {
      token: admin,
      body: { ...brunoUser, roleId: noChannel.id },
    });
    const tokens: Record<Caller, string | undefined> = {
      anonymous: undefined,
      withoutChannel: bruno,
      withoutReply: ana,
      withReply: ana,
      admin,
      supervisor,
    };
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    await t.customerSays('hello');
    expect((await t.call('GET', '/api/agent/offers', { token: bruno })).body).toEqual([]);
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    expect(conversation.agentId).toBe(DEMO.users.ana.id);
    if (caller === 'withoutReply') {
      await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
        token: admin,
        body: { name: 'Agents', channels: { [DEMO.channelId]: ['templates', 'transfer', 'conference', 'end'] } },
      });
    }

    const seen: string[] = [];
    for (const [method, template, body, expected] of matrix) {
      const path = template.replace('{id}', conversation.id).replace('{offer}', offer.id);
      const token = tokens[caller];
      let status: number;
      if (path === '/api/agent/events' || path === '/api/supervisor/events') {
        // A stream: only its status matters; close it at once.
        const response = await t.app.request(`http://platform.test${path}`, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        status = response.status;
        await response.body?.cancel();
      } else {
        status = (await t.call(method, path, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}) }))
          .status;
      }
      seen.push(`${method} ${template} → ${status}`);
      expect.soft(status, `${caller}: ${method} ${template}`).toBe(expected[caller]);
    }
    expect(seen).toHaveLength(matrix.length);
  });
});
