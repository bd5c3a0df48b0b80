import { describe, expect, it } from 'vitest';
import { MAX_QUEUED_EVENTS, MAX_STREAMS_PER_AGENT } from '../events/agent-streams.ts';
import { agentTopic } from '../platform/context.ts';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

type T = Awaited<ReturnType<typeof testPlatform>>;

/** 'ended' when the stream's end arrives within a second of the revocation, else 'still open'. */
function endsWithinASecond(ended: Promise<unknown>): Promise<'ended' | 'still open'> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'still open'>((resolve) => {
    timer = setTimeout(() => resolve('still open'), 1_000);
  });
  return Promise.race([ended.then(() => 'ended' as const), bound]).finally(() => clearTimeout(timer));
}

async function acceptedConversation(t: T, token: string, text = 'hello') {
  await t.call('PUT', '/api/agent/state', { token, body: { state: 'available' } });
  await t.customerSays(text);
  const [offer] = (await t.call('GET', '/api/agent/offers', { token })).body;
  return (await t.call('POST', `/api/offers/${offer.id}/accept`, { token })).body;
}

async function openStream(t: T, token: string) {
  const stream = await t.listen(token);
  await stream.until((text) => text.includes('event: hello'));
  return stream;
}

describe('revocation reaches open event streams and component tokens', () => {
  it('ends the stream at once on sign-out, and both streams on sign-out everywhere', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const stream = await openStream(t, ana);
    expect((await t.call('POST', '/api/auth/logout', { token: ana })).status).toBe(200);
    expect(await endsWithinASecond(stream.ended)).toBe('ended');

    const laptop = await t.login('ana', 'loro-agent');
    const phone = await t.login('ana', 'loro-agent');
    const first = await openStream(t, laptop);
    const second = await openStream(t, phone);
    expect((await t.call('POST', '/api/auth/logout-all', { token: phone })).status).toBe(200);
    expect(await endsWithinASecond(first.ended)).toBe('ended');
    expect(await endsWithinASecond(second.ended)).toBe('ended');
    expect(t.ctx.streams.count(DEMO.users.ana.id)).toBe(0);
  });

  it('leaves the streams of another agent and of a surviving session open', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const other = await t.login('ana', 'loro-agent');
    const bruno = await t.login('bruno', 'loro-agent');
    const anaStream = await openStream(t, ana);
    const brunoStream = await openStream(t, bruno);
    await t.call('POST', '/api/auth/logout', { token: other });
    expect(t.ctx.streams.count(DEMO.users.ana.id)).toBe(1);
    expect(t.ctx.streams.count(DEMO.users.bruno.id)).toBe(1);
    await anaStream.stop();
    await brunoStream.stop();
  });

  it('ends the stream when an administrator sets a new password', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const stream = await openStream(t, ana);
    const { passwordHash: _hash, id: _id, ...user } = t.store.get('users', DEMO.users.ana.id) ?? {};
    const saved = await t.call('PUT', `/api/admin/users/${DEMO.users.ana.id}`, {
      token: admin,
      body: { ...user, password: 'a-brand-new-password' },
    });
    expect(saved.status).toBe(200);
    expect(await endsWithinASecond(stream.ended)).toBe('ended');
  });

  it('ends the stream when the role loses a channel, and sends nothing more of that channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const conversation = await acceptedConversation(t, ana);
    const stream = await openStream(t, ana);
    const role = t.store.get('roles', DEMO.roleId);
    const saved = await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: { name: role?.name, description: role?.description, channels: {} },
    });
    expect(saved.status).toBe(200);
    expect(await endsWithinASecond(stream.ended)).toBe('ended');

    // The panel reconnects: the conversation is taken off the desk and its messages do not come.
    const again = await t.listen(ana);
    await again.until((text) => text.includes('event: conversation.removed'));
    await t.customerSays('my card is 4111 1111 1111 1111, María');
    expect(t.store.get('conversations', conversation.id)?.status).toBe('active');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'unavailable' } });
    await again.until((text) => text.includes('"unavailable"'));
    expect(again.text()).not.toContain('María');
    expect(again.text()).not.toContain('event: message');
    await again.stop();
  });

  it('refuses a component token after sign-out everywhere', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const conversation = await acceptedConversation(t, ana);
    const { body: channels } = await t.call('GET', '/api/admin/channels', { token: admin });
    await t.call('POST', '/api/admin/custom-components', {
      token: admin,
      body: { name: 'Templates', url: `${channels.templateSettingsUrl}%s`, height: 240, channelIds: [DEMO.channelId] },
    });
    const { body: component } = await t.call('GET', `/api/conversations/${conversation.id}/component`, { token: ana });
    const token = new URLSearchParams(new URL(component.url).hash.slice(1)).get('token') ?? '';
    const templates = () => t.call('GET', `/components/api/conversations/${conversation.id}/templates`, { token });
    expect((await templates()).status).toBe(200);
    await t.call('POST', '/api/auth/logout-all', { token: ana });
    const refused = await templates();
    expect([refused.status, refused.body.error.code]).toEqual([401, 'component_token_invalid']);
  });
});

describe('memory per caller on the event stream', () => {
  it(`keeps at most ${MAX_STREAMS_PER_AGENT} streams per agent: a new one closes the oldest`, async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const streams = [];
    for (let i = 0; i < MAX_STREAMS_PER_AGENT; i++) streams.push(await openStream(t, ana));
    expect(t.ctx.streams.count(DEMO.users.ana.id)).toBe(MAX_STREAMS_PER_AGENT);
    const newest = await openStream(t, ana);
    expect(await endsWithinASecond(streams[0]?.ended ?? Promise.resolve())).toBe('ended');
    expect(t.ctx.streams.count(DEMO.users.ana.id)).toBe(MAX_STREAMS_PER_AGENT);
    for (const stream of [...streams.slice(1), newest]) await stream.stop();
    expect(t.ctx.streams.count(DEMO.users.ana.id)).toBe(0);
  });

  it('closes a stream whose client stopped reading once its queue passes the bound', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    // Nobody reads this body.
    const response = await t.app.request('http://platform.test/api/agent/events', {
      headers: { authorization: `Bearer ${ana}` },
    });
    expect(t.ctx.streams.count(DEMO.users.ana.id)).toBe(1);
    const state = { state: 'unavailable', since: 0, activeConversations: 0, capacity: 3 } as never;
    for (let i = 0; i <= MAX_QUEUED_EVENTS + 10; i++)
      t.ctx.events.publish(agentTopic(DEMO.users.ana.id), 'agent.state', state);
    expect(t.ctx.streams.count(DEMO.users.ana.id)).toBe(0);
    // What was written before the close can still be read, then the stream ends.
    const text = await response.text();
    expect(text).toContain('event: hello');
    expect(text.split('event: agent.state').length).toBeLessThan(MAX_QUEUED_EVENTS);
  });
});
