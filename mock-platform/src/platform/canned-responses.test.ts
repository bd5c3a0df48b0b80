import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

type Platform = Awaited<ReturnType<typeof testPlatform>>;

async function openConversation(t: Platform, token: string, text = 'Hola, ¿dónde está mi pedido?') {
  await t.call('PUT', '/api/agent/state', { token, body: { state: 'available' } });
  await t.customerSays(text);
  const [offer] = (await t.call('GET', '/api/agent/offers', { token })).body;
  return (await t.call('POST', `/api/offers/${offer.id}/accept`, { token })).body as { id: string };
}

const greeting = {
  name: 'Greeting',
  shortcut: 'hello',
  text: 'Hello {{customer.firstName}}, I am {{agent.firstName}} from {{ channel.name }}. Your number: {{customer.number}}',
  language: 'en',
  allChannels: true,
  channelIds: [],
};

describe('canned responses (issue 16)', () => {
  it('administrators keep them versioned and audited; agents get those of the channel, filled on the server', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const create = (body: unknown) => t.call('POST', '/api/admin/canned-responses', { token: admin, body });
    const hello = await create(greeting);
    expect(hello.status).toBe(201);
    expect(hello.body).toMatchObject({ ...greeting, version: 1 });
    const spanish = await create({
      ...greeting,
      name: 'Saludo',
      text: 'Hola {{customer.name}}, soy {{agent.name}}.',
      language: 'es',
      allChannels: false,
      channelIds: [DEMO.channelId],
    });
    expect(spanish.status).toBe(201);
    const conversation = await openConversation(t, ana);
    const listed = await t.call('GET', `/api/conversations/${conversation.id}/canned-responses`, { token: ana });
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([
      {
        id: hello.body.id,
        name: 'Greeting',
        shortcut: 'hello',
        language: 'en',
        text: 'Hello María, I am Ana from Demo WhatsApp. Your number: +34612345678',
      },
      {
        id: spanish.body.id,
        name: 'Saludo',
        shortcut: 'hello',
        language: 'es',
        text: 'Hola María García, soy Ana Agent.',
      },
    ]);

    // A change needs the version it was based on; each write is in the audit log.
    const stale = await t.call('PUT', `/api/admin/canned-responses/${hello.body.id}`, {
      token: admin,
      body: { ...greeting, text: 'Hi!' },
      headers: { 'if-match': '"0"' },
    });
    expect(stale.status).toBe(412);
    const changed = await t.call('PUT', `/api/admin/canned-responses/${hello.body.id}`, {
      token: admin,
      body: { ...greeting, text: 'Hi {{customer.name}}!' },
      headers: { 'if-match': '"1"' },
    });
    expect([changed.status, changed.body.version]).toEqual([200, 2]);
    const audit = await t.call('GET', `/api/admin/audit?resource=canned-responses`, { token: admin });
    expect(audit.body.map((entry: { summary: string }) => entry.summary)).toEqual(
      expect.arrayContaining([
        'Created canned response Greeting (/hello, en, all channels)',
        'Changed canned response Greeting (/hello, en, all channels)',
      ]),
    );
  });

  it('refuses bad input naming the field: unknown variables, shortcuts, a shortcut taken, no channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const create = (body: unknown) => t.call('POST', '/api/admin/canned-responses', { token: admin, body });
    expect((await create(greeting)).status).toBe(201);
    const refusals: [unknown, string, string][] = [
      [
        { ...greeting, shortcut: 'other', text: 'Hi {{customer.email}}' },
        'text',
        '{{customer.email}} is not a variable',
      ],
      [{ ...greeting, shortcut: '/hello' }, 'shortcut', 'must be 1–32 lowercase letters'],
      [{ ...greeting, name: 'Again' }, 'shortcut', '/hello is already the shortcut of Greeting'],
      [{ ...greeting, shortcut: 'x', allChannels: false }, 'channelIds', 'choose at least one channel'],
      [{ ...greeting, shortcut: 'y', allChannels: false, channelIds: ['ch_nope'] }, 'channelIds.0', 'is not a channel'],
      [{ ...greeting, shortcut: 'z', language: 'fr' }, 'language', ''],
    ];
    for (const [body, field, message] of refusals) {
      const refused = await create(body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      const issue = refused.body.error.issues.find((i: { path: string }) => i.path === field);
      expect(issue?.message, field).toContain(message);
    }
    expect(t.store.all('cannedResponses')).toHaveLength(1);
    // The same shortcut in the other language is another response.
    expect((await create({ ...greeting, name: 'Hola', language: 'es' })).status).toBe(201);
  });

  it('is the server’s to enforce: agents cannot administer them, and listing needs Reply on the channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    expect((await t.call('POST', '/api/admin/canned-responses', { token: ana, body: greeting })).status).toBe(403);
    expect((await t.call('GET', '/api/admin/canned-responses', { token: ana })).status).toBe(403);
    await t.call('POST', '/api/admin/canned-responses', { token: admin, body: greeting });
    const conversation = await openConversation(t, ana);
    const url = `/api/conversations/${conversation.id}/canned-responses`;
    expect((await t.call('GET', url)).status).toBe(401);
    expect((await t.call('GET', url, { token: admin })).status).toBe(403);
    expect((await t.call('GET', url, { token: bruno })).status).toBe(404);
    await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: { name: 'Agents', channels: { [DEMO.channelId]: ['end'] } },
    });
    const refused = await t.call('GET', url, { token: ana });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'permission_denied']);
  });

  it('fills customer variables with masked values while masking is on', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    await t.call('POST', '/api/admin/canned-responses', {
      token: admin,
      body: { ...greeting, text: 'Dear {{customer.name}} ({{customer.firstName}}), we will call {{customer.number}}' },
    });
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    // A customer whose profile name is an email and whose number is a phone number.
    await t.customerSays('hola', '+34 612 345 678', 'maria.garcia@example.com');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const listed = await t.call('GET', `/api/conversations/${conversation.id}/canned-responses`, { token: ana });
    const text = JSON.stringify(listed.body);
    for (const secret of ['612345678', '612 345 678', 'maria.garcia@example.com', 'maria.garcia'])
      expect(text).not.toContain(secret);
    expect(listed.body[0].text).toContain(conversation.customerNumber);
    expect(listed.body[0].text).toContain(`Dear ${conversation.customerName}`);
  });

  it('a deleted channel is taken off, and a response only for it is deleted', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const { body: only } = await t.call('POST', '/api/admin/canned-responses', {
      token: admin,
      body: { ...greeting, allChannels: false, channelIds: [DEMO.channelId] },
    });
    const { body: all } = await t.call('POST', '/api/admin/canned-responses', {
      token: admin,
      body: { ...greeting, shortcut: 'all' },
    });
    expect((await t.call('DELETE', `/api/admin/channels/${DEMO.channelId}`, { token: admin })).status).toBe(200);
    expect(t.store.get('cannedResponses', only.id)).toBeUndefined();
    expect(t.store.get('cannedResponses', all.id)).toBeDefined();
  });
});
