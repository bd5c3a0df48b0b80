import { describe, expect, it } from 'vitest';
import { testPlatform } from '../testing/harness.ts';

describe('conversation views', () => {
  it('carry the latest customer or agent message, masked, for the task list’s preview', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const ana = await t.login('ana', 'loro-agent');
    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('Hola, necesito ayuda');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body as { id: string }[];
    const accepted = await t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana });
    expect(accepted.body.lastMessage).toMatchObject({ direction: 'inbound', text: 'Hola, necesito ayuda' });

    const conversationId = accepted.body.id as string;
    await t.call('POST', `/api/conversations/${conversationId}/messages`, { token: ana, body: { text: 'Claro' } });
    const list = async () => ((await t.call('GET', '/api/conversations', { token: ana })).body as unknown[])[0];
    expect(await list()).toMatchObject({ lastMessage: { direction: 'outbound', text: 'Claro' } });

    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    await t.customerSays('Mi correo es melissa@gmail.com');
    expect(await list()).toMatchObject({
      lastMessage: { direction: 'inbound', text: 'Mi correo es m******@gmail.com' },
    });
  });
});
