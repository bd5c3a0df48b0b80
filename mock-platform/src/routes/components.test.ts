import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

async function acceptedConversation(t: Awaited<ReturnType<typeof testPlatform>>, token: string) {
  await t.call('PUT', '/api/agent/state', { token, body: { state: 'available' } });
  await t.customerSays('hello');
  const [offer] = (await t.call('GET', '/api/agent/offers', { token })).body;
  return (await t.call('POST', `/api/offers/${offer.id}/accept`, { token })).body;
}

describe('the template picker as a custom component (TP-5, TP-6)', () => {
  it('says templates are unavailable, and why, when the channel has no custom component (legacy Smooch ones never load)', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    const conversation = await acceptedConversation(t, ana);
    const response = await t.call('GET', `/api/conversations/${conversation.id}/component`, { token: ana });
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      code: 'no_custom_component',
      message:
        'Templates are unavailable: no custom component is set up for the channel Demo WhatsApp. An administrator adds one in Digital settings → Custom components.',
    });
  });

  it('loads the configured URL with %s replaced and a short-lived token that sends templates as the agent', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const conversation = await acceptedConversation(t, ana);
    const { body: channels } = await t.call('GET', '/api/admin/channels', { token: admin });
    await t.call('POST', '/api/admin/custom-components', {
      token: admin,
      body: { name: 'For everyone', url: 'https://elsewhere.example/t/%s', height: 300, channelIds: [] },
    });
    await t.call('POST', '/api/admin/custom-components', {
      token: admin,
      body: { name: 'Templates', url: `${channels.templateSettingsUrl}%s`, height: 240, channelIds: [DEMO.channelId] },
    });

    const { body: component } = await t.call('GET', `/api/conversations/${conversation.id}/component`, { token: ana });
    // The channel's own component wins over the one for every channel.
    expect(component).toMatchObject({ name: 'Templates', height: 240 });
    const url = new URL(component.url);
    expect(url.pathname).toBe(`/components/templates/${conversation.id}`);
    const token = new URLSearchParams(url.hash.slice(1)).get('token') ?? '';
    expect(token).not.toBe('');

    const page = await t.app.request(`http://platform.test${url.pathname}`);
    expect(await page.text()).toContain('<script type="module" src="/assets/template-picker-test.js"></script>');

    const api = (path: string, init: { token?: string; body?: unknown } = {}) =>
      t.call(init.body ? 'POST' : 'GET', `/components/api/conversations/${path}`, init);
    const { body: templates } = await api(`${conversation.id}/templates`, { token });
    expect(templates.map((template: { name: string }) => template.name)).toEqual([
      'order_update',
      'satisfaction_survey',
    ]);
    expect((await api(`${conversation.id}/templates`)).status).toBe(401);
    expect((await api(`${conversation.id}/templates`, { token: `${token}x` })).status).toBe(401);
    expect((await api('conv_other/templates', { token })).status).toBe(401);

    const sent = await api(`${conversation.id}/template`, {
      token,
      body: { name: 'order_update', language: 'en_US', parameters: ['María', 'A-1042'] },
    });
    expect(sent.status).toBe(201);
    expect(sent.body.text).toBe('Hello María, your order A-1042 has shipped.');
    const wrongCount = await api(`${conversation.id}/template`, {
      token,
      body: { name: 'order_update', language: 'en_US', parameters: ['María'] },
    });
    expect(wrongCount.status).toBe(400);

    // Fifteen minutes later the token is worthless; the panel asks for a new one.
    t.clock.advance(15 * 60_000 + 1);
    expect((await api(`${conversation.id}/templates`, { token })).status).toBe(401);
  });

  it('refuses the component to an agent whose role lacks Send templates on the channel', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    const conversation = await acceptedConversation(t, ana);
    await t.call('PUT', `/api/admin/roles/${DEMO.roleId}`, {
      token: admin,
      body: { name: 'Agents', channels: { [DEMO.channelId]: ['reply', 'end'] } },
    });
    const response = await t.call('GET', `/api/conversations/${conversation.id}/component`, { token: ana });
    expect([response.status, response.body.error.code]).toEqual([403, 'permission_denied']);
  });
});
