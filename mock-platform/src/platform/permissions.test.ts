import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('per-channel permissions from the agent’s role (RP-1 … RP-5)', () => {
  it('the server refuses each action the role lacks, and a role change applies on the next request', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const setPermissions = (permissions: string[]) =>
      t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
        token: admin,
        body: { name: 'Agents', channels: { [DEMO.channelId]: permissions } },
      });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    expect(conversation.permissions).toEqual(['reply', 'templates', 'transfer', 'conference', 'end']);

    const stream = await t.listen(ana);
    expect((await setPermissions(['end'])).status).toBe(200);
    // The panel learns at once: the conversation comes again with the new permissions.
    await stream.until((text) => text.includes('"permissions":["end"]'));
    await stream.stop();
    const view = (await t.call('GET', `/api/conversations/${conversation.id}`, { token: ana })).body;
    expect(view.permissions).toEqual(['end']);
    const attempts: [string, string, unknown, string][] = [
      ['POST', 'messages', { text: 'hi' }, 'Reply'],
      ['GET', 'templates', undefined, 'Send templates'],
      ['POST', 'template', { name: 'order_update', language: 'en_US', parameters: ['a', 'b'] }, 'Send templates'],
      ['POST', 'transfer', { target: { type: 'queue', skillId: DEMO.billingSkillId } }, 'Transfer'],
      ['POST', 'conference', { skillId: DEMO.billingSkillId }, 'Conference'],
    ];
    for (const [method, action, body, name] of attempts) {
      const refused = await t.call(method, `/api/conversations/${conversation.id}/${action}`, { token: ana, body });
      expect([refused.status, refused.body.error.code], action).toEqual([403, 'permission_denied']);
      expect(refused.body.error.message).toBe(
        `Your role Agents does not have the ${name} permission on the channel Demo WhatsApp`,
      );
    }
    expect(t.store.where('messages', 'conversationId', conversation.id)).toHaveLength(1);

    await setPermissions(['reply']);
    expect(
      (await t.call('POST', `/api/conversations/${conversation.id}/messages`, { token: ana, body: { text: 'hi' } }))
        .status,
    ).toBe(201);
    const end = await t.call('POST', `/api/conversations/${conversation.id}/end`, {
      token: ana,
      body: { closureReasonId: 'closure_resolved' },
    });
    expect([end.status, end.body.error.message]).toEqual([
      403,
      'Your role Agents does not have the End conversations permission on the channel Demo WhatsApp',
    ]);
  });

  it('offers a channel’s conversations only to agents whose role includes the channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const other = await t.call('POST', '/api/admin/roles', {
      token: admin,
      body: { name: 'Email only', channels: {} },
    });
    const user = t.store.get('users', DEMO.users.ana.id);
    await t.call('PUT', `/api/admin/users/${DEMO.users.ana.id}`, {
      token: admin,
      body: { ...user, roleId: other.body.id, passwordHash: undefined, id: undefined },
    });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toEqual([]);
    expect(t.store.where('conversations', 'status', 'queued')).toHaveLength(1);

    // Given the channel back, Ana gets the waiting conversation at once.
    await t.call('PUT', `/api/admin/roles/${other.body.id}`, {
      token: admin,
      body: { name: 'Email only', channels: { [DEMO.channelId]: ['reply'] } },
    });
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toHaveLength(1);
  });

  it('offers conversations only to agents whose role grants Reply on the channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const role = t.store.get('roles', DEMO.roleId);
    const body = (channels: Record<string, string[]>) => ({
      name: role?.name,
      description: role?.description,
      channels,
    });
    const saved = await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: body({ [DEMO.channelId]: ['end', 'transfer'] }),
    });
    expect(saved.status).toBe(200);
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('hello');
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toEqual([]);
    expect(t.store.where('conversations', 'status', 'queued')).toHaveLength(1);

    await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: body({ [DEMO.channelId]: ['reply', 'end'] }),
    });
    expect((await t.call('GET', '/api/agent/offers', { token: ana })).body).toHaveLength(1);
  });

  it('refuses a transfer to an agent whose role does not grant Reply on the channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    const endOnly = await t.call('POST', '/api/admin/roles', {
      token: admin,
      body: { name: 'End only', channels: { [DEMO.channelId]: ['end'] } },
    });
    const user = t.store.get('users', DEMO.users.bruno.id);
    await t.call('PUT', `/api/admin/users/${DEMO.users.bruno.id}`, {
      token: admin,
      body: { ...user, roleId: endOnly.body.id, passwordHash: undefined, id: undefined },
    });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.call('PUT', '/api/agent/state', { token: bruno, body: { state: 'available' } });
    await t.customerSays('hello');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const conversation = (await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana })).body;
    // Asked about this conversation, the transfer targets say so before the agent tries.
    const targets = await t.call('GET', `/api/transfer-targets?conversationId=${conversation.id}`, { token: ana });
    expect(targets.body.agents).toEqual([
      expect.objectContaining({ id: DEMO.users.bruno.id, state: 'available', cannotTake: 'reply_not_in_role' }),
    ]);
    const general = await t.call('GET', '/api/transfer-targets', { token: ana });
    expect(general.body.agents[0]).not.toHaveProperty('cannotTake');
    const refused = await t.call('POST', `/api/conversations/${conversation.id}/transfer`, {
      token: ana,
      body: { target: { type: 'agent', agentId: DEMO.users.bruno.id } },
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('reply_not_in_role');
    // Bruno cannot ask about Ana's conversation: it is not his.
    const notHis = await t.call('GET', `/api/transfer-targets?conversationId=${conversation.id}`, { token: bruno });
    expect(notHis.status).toBe(404);
  });
});
