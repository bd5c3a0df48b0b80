import { describe, expect, it } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';

describe('Meta’s developer test numbers (+1 555 …)', () => {
  it('are added connected, reported by the Graph API as SANDBOX, and become channels customers reach', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const added = await t.call('POST', '/simulator/api/test-numbers', { body: { wabaId: DEMO.wabaId } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      phoneNumber: expect.stringMatching(/^\+1555\d{7}$/),
      verifiedName: 'Test Number',
      status: 'CONNECTED',
      codeVerificationStatus: 'VERIFIED',
      testNumber: true,
    });
    const { id, phoneNumber } = added.body as { id: string; phoneNumber: string };
    expect((await t.graph('GET', `/${id}?fields=display_phone_number,status,account_mode`)).body).toEqual({
      display_phone_number: phoneNumber,
      status: 'CONNECTED',
      account_mode: 'SANDBOX',
      id,
    });

    // The platform takes the number as WhatsApp reports it (libphonenumber calls it invalid).
    const numbers = (await t.call('GET', '/api/admin/whatsapp-numbers', { token: admin })).body;
    expect(numbers.find((n: { phoneNumberId: string }) => n.phoneNumberId === id)).toMatchObject({
      phoneNumber,
      status: 'CONNECTED',
    });
    const channel = await t.call('POST', '/api/admin/channels', {
      token: admin,
      body: { phoneNumberId: id, name: 'Sandbox', defaultSkillId: DEMO.skillId, routingMode: 'queues' },
    });
    expect(channel.status).toBe(201);
    expect(channel.body).toMatchObject({ phoneNumber, status: 'approved' });

    expect((await t.customerSays('hola', '+34 612 345 678', 'María', id)).status).toBe(201);
    expect(t.store.all('conversations')).toEqual([expect.objectContaining({ channelId: channel.body.id })]);
  });

  it('needs an account of the simulator', async () => {
    const t = await testPlatform();
    const refused = await t.call('POST', '/simulator/api/test-numbers', { body: { wabaId: '42' } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: 'wabaId', message: '42 is not a WhatsApp Business account' }]);
  });
});
