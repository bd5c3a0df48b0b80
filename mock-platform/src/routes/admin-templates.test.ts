import { describe, expect, it, vi } from 'vitest';
import { DEMO } from '../seed/demo-tenant.ts';
import { testPlatform } from '../testing/harness.ts';
import { GraphApiError } from '../whatsapp/graph-client.ts';

/** A second WhatsApp Business account, created in the simulated signup and connected by the administrator. */
async function secondAccount(t: Awaited<ReturnType<typeof testPlatform>>, admin: string) {
  const business = await t.call('POST', '/simulator/api/signup/business', {
    body: {
      businessManagerId: '123456789012345',
      name: 'Loro Norte',
      timeZone: 'Europe/Madrid',
      email: 'norte@loro.example',
      website: 'https://norte.loro.example',
      country: 'ES',
    },
  });
  const wabaId: string = business.body.wabaId;
  const connected = await t.call('POST', '/api/admin/whatsapp-accounts', { token: admin, body: { wabaId } });
  expect(connected.status, JSON.stringify(connected.body)).toBe(201);
  const template = await t.graph('POST', `/${wabaId}/message_templates`, {
    name: 'norte_welcome',
    language: 'es',
    category: 'UTILITY',
    components: [{ type: 'BODY', text: 'Bienvenido a Loro Norte' }],
  });
  expect(template.status, JSON.stringify(template.body)).toBe(200);
  return { account: connected.body as { id: string; name: string; wabaId: string }, templateId: template.body.id };
}

describe('message templates of every connected WhatsApp account', () => {
  it('lists each account’s templates with the account, and the configuration export names it', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const { account, templateId } = await secondAccount(t, admin);

    const listed = await t.call('GET', '/api/admin/templates', { token: admin });
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual(
      expect.objectContaining({
        name: DEMO.templateName,
        account: { id: DEMO.accountId, name: DEMO.businessName, wabaId: DEMO.wabaId },
      }),
    );
    expect(listed.body).toContainEqual(expect.objectContaining({ id: templateId, name: 'norte_welcome', account }));

    const exported = await t.call('GET', '/api/admin/configuration', { token: admin });
    expect(exported.status).toBe(200);
    expect(exported.body.templates).toContainEqual(
      expect.objectContaining({ name: 'norte_welcome', language: 'es', wabaId: account.wabaId }),
    );
    // Importing the same file finds every template, on the account it names.
    const dry = await t.call('POST', '/api/admin/configuration/import', {
      token: admin,
      body: { configuration: exported.body },
    });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body.notes).toEqual([]);
  });

  it('refuses the list, naming the account, when WhatsApp cannot list one account’s templates', async () => {
    const t = await testPlatform();
    const admin = await t.login('admin', 'loro-admin');
    const { account } = await secondAccount(t, admin);
    const list = t.ctx.graph.listTemplates.bind(t.ctx.graph);
    vi.spyOn(t.ctx.graph, 'listTemplates').mockImplementation(async (wabaId) => {
      if (wabaId === account.wabaId) throw new GraphApiError(500, 2, 'Service temporarily unavailable');
      return list(wabaId);
    });

    const listed = await t.call('GET', '/api/admin/templates', { token: admin });
    expect(listed.status).toBe(502);
    expect(listed.body.error).toMatchObject({
      code: 'whatsapp_unreachable',
      message: `The templates of WhatsApp account Loro Norte (${account.wabaId}) could not be loaded from WhatsApp`,
    });
  });
});
