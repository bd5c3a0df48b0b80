import { afterEach, describe, expect, it, vi } from 'vitest';
import { testPlatform } from '../testing/harness.ts';

// Each sensitive value as the customer types it, and the bare forms it could leak in.
const secrets = {
  card: ['4111 1111 1111 1111', '4111111111111111'],
  iban: ['ES91 2100 0418 4502 0005 1332', 'ES9121000418450200051332'],
  ssn: ['123-45-6789', '123456789'],
  email: ['melissa@gmail.com', 'melissa'],
  phone: ['+447966197542', '447966197542', '7966197542'],
  nationalPhone: ['612 34 56 78', '612345678'],
  businessNumber: ['+16145551234', '16145551234', '614 555 1234'],
};

describe('masking sensitive customer data (AG-6, AG-7)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('lets no unmasked value reach any agent-facing response or event, nor the logs', async () => {
    const logged: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        logged.push(args.map(String).join(' '));
      });
    }
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    expect(
      (await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } })).body,
    ).toMatchObject({
      maskSensitiveData: true,
    });

    const ana = await t.login('ana', 'loro-agent');
    const stream = await t.listen(ana);
    const bodies: unknown[] = [];
    const record = async (response: Promise<{ status: number; body: unknown }>) => {
      const result = await response;
      bodies.push(result.body);
      return result;
    };

    await record(t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } }));
    // The customer's WhatsApp profile name is their phone number: it is masked too.
    const customer = { from: '+34 612 345 678', name: '+34 612 345 678' };
    await t.customerSays(
      'Mi tarjeta es 4111 1111 1111 1111 y mi IBAN ES91 2100 0418 4502 0005 1332',
      customer.from,
      customer.name,
    );
    const offers = await record(t.call('GET', '/api/agent/offers', { token: ana }));
    const offer = (offers.body as { id: string }[])[0];
    const accepted = await record(t.call('POST', `/api/offers/${offer?.id}/accept`, { token: ana }));
    const conversationId = (accepted.body as { id: string }).id;

    await t.customerSays(
      'SSN 123-45-6789, correo melissa@gmail.com, tel +447966197542 o 612 34 56 78',
      customer.from,
      customer.name,
    );
    await record(t.call('GET', '/api/conversations', { token: ana }));
    await record(t.call('GET', `/api/conversations/${conversationId}`, { token: ana }));
    await record(
      t.call('POST', `/api/conversations/${conversationId}/messages`, {
        token: ana,
        body: { text: 'Confirmo melissa@gmail.com' },
      }),
    );
    await t.webhooks.idle();
    const transcript = await record(t.call('GET', `/api/conversations/${conversationId}/messages`, { token: ana }));
    await stream.stop();

    const seen = [JSON.stringify(bodies), stream.text(), logged.join('\n')].join('\n');
    for (const [kind, forms] of Object.entries(secrets)) {
      for (const form of forms) expect(seen, `${kind} leaked as ${form}`).not.toContain(form);
    }
    // What the agent does see: masked values in the documented formats.
    expect(transcript.body).toEqual([
      expect.objectContaining({ text: 'Mi tarjeta es ***************1111 y mi IBAN *************************1332' }),
      expect.objectContaining({ text: 'SSN *******6789, correo m******@gmail.com, tel *********7542 o *****5678' }),
      expect.objectContaining({ text: 'Confirmo m******@gmail.com', direction: 'outbound' }),
    ]);
    expect(accepted.body).toMatchObject({
      customerName: '********5678',
      customerNumber: '********5678',
      originNumber: '********1234',
    });
    expect(stream.text()).toContain('"customerName":"********5678"');
    // The customer's phone got the agent's real words: masking is for agents' eyes only.
    const phone = t.simulatorStore.all('messages').find((m) => m.direction === 'outbound');
    expect(phone?.text).toBe('Confirmo melissa@gmail.com');
  });

  it('shows unmasked data while the setting is off, and only administrators may change it', async () => {
    const t = await testPlatform();
    const ana = await t.login('ana', 'loro-agent');
    expect((await t.call('PUT', '/api/admin/settings', { token: ana, body: { maskSensitiveData: true } })).status).toBe(
      403,
    );
    const admin = await t.login('admin', 'loro-admin');
    const invalid = await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: 'yes' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues[0].path).toBe('maskSensitiveData');

    await t.call('PUT', '/api/agent/state', { token: ana, body: { state: 'available' } });
    await t.customerSays('mi correo es melissa@gmail.com');
    const [offer] = (await t.call('GET', '/api/agent/offers', { token: ana })).body;
    expect(offer.customerNumber).toBe('+34612345678');
    const { body: conversation } = await t.call('POST', `/api/offers/${offer.id}/accept`, { token: ana });
    const messages = await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token: ana });
    expect(messages.body[0].text).toBe('mi correo es melissa@gmail.com');

    // Turned on, it applies at once to what was already stored.
    await t.call('PUT', '/api/admin/settings', { token: admin, body: { maskSensitiveData: true } });
    const masked = await t.call('GET', `/api/conversations/${conversation.id}/messages`, { token: ana });
    expect(masked.body[0].text).toBe('mi correo es m******@gmail.com');
  });
});
